import CSQLite
import Foundation
import MTFSDomain

/// Savings proposals: adding one with its approved targets, and reading them back.
extension BookStore {
    // MARK: - Proposals

    /// Adds a proposal, with no targets yet (each is an approval the use case appends after it),
    /// as the use case has checked and spelled it (`BookWrites.addProposal`). A ref already taken
    /// is a conflict (the table's key).
    @discardableResult
    public func insert(_ proposal: Proposal, by who: Provenance) throws -> Proposal {
        try ledger.transaction {
            if try self.proposal(proposal.ref) != nil {
                throw LedgerError.conflict("proposal \(proposal.ref) already exists")
            }
            var proposal = proposal
            proposal.owner = try ledger.holders.named(proposal.owner, by: who)
            try db.run(
                """
                INSERT INTO proposals(ref, title, directorate, owner, category, recurrence, delivery_start, replaces, recorded_at, actor, source, on_behalf_of,
                                      fund, portfolio, portfolio_holder, risk, priority)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, proposal.ref, proposal.title, proposal.directorate, proposal.owner, proposal.category,
                proposal.recurrence.rawValue, proposal.deliveryStart?.code, proposal.replaces,
                who.recordedAt, who.actor, who.source, who.onBehalfOf, proposal.fund == Proposal.generalFund ? nil : proposal.fund,
                proposal.portfolio, proposal.portfolioHolder, proposal.risk?.rawValue, proposal.priority)
            try ledger.chain.append(.proposals, proposal.ref)
            ledger.cache.newProposals.insert(proposal.ref)
            // As it will read back (a load then records on it without reading it again).
            ledger.cache.proposals[proposal.ref] = proposal
            for (position, share) in proposal.costCentres.enumerated() {
                try db.run(
                    "INSERT INTO proposal_cost_centres(ref, position, cost_centre, basis_points) VALUES (?, ?, ?, ?)",
                    proposal.ref, position, share.costCentre, share.basisPoints)
                try ledger.chain.append(.proposalCostCentres, proposal.ref, position)
            }
            return proposal
        }
    }

    /// The proposal with the ref, or nil. Its owner is the holder by the name they go by now.
    public func proposal(_ ref: ProposalRef) throws -> Proposal? {
        var found = ledger.cache.proposals[ref]
        if found == nil {
            found = try loadProposals(where: "WHERE ref = ?", [ref]).first
            if let found { ledger.cache.proposals[ref] = found }
        }
        return try found.map { p in
            var p = p
            p.owner = try ledger.holders.current(p.owner)
            return p
        }
    }

    /// The ref of the proposal that `ref` names, allowing for case and spacing (`place 13` names
    /// `Place 13`: refs that differ only so are one, SPEC §5 v3), or nil.
    public func ref(matching ref: ProposalRef) throws -> ProposalRef? {
        if try proposal(ref) != nil { return ref }
        return try db.first(
            "SELECT ref FROM proposals WHERE lower(replace(ref, ' ', '')) = ?", Proposal.canonical(ref.rawValue), map: { $0.id(0) })
    }

    /// How the ledger first spelled a fund or portfolio equal to `name` but for case, or the name a
    /// holder goes by now when `name` is any of theirs but for case and spacing; nil when it has none.
    public func spelling(of name: String, as kind: NameKind) throws -> String? {
        switch kind {
        case .fund: return try db.first("SELECT fund FROM proposals WHERE lower(fund) = lower(?) LIMIT 1", name, map: { $0.text(0) })
        case .portfolio: return try db.first("SELECT portfolio FROM proposals WHERE lower(portfolio) = lower(?) LIMIT 1", name, map: { $0.text(0) })
        case .holder: return try ledger.holders.holder(named: HolderID(name))?.name.rawValue
        }
    }

    /// Every proposal, by ref, each owner by the name they go by now.
    public func proposals() throws -> [Proposal] {
        let register = try ledger.holders.register()
        var all = try loadProposals(where: "", [])
        for i in all.indices { all[i].owner = register.current(all[i].owner) }
        return all
    }

    private func loadProposals(where clause: String, _ parameters: [SQLBindable]) throws -> [Proposal] {
        // Room for the whole programme at once when all of it is read (no growing copy).
        var proposals: [Proposal] = []
        if clause.isEmpty { proposals.reserveCapacity(Int(try db.scalar("SELECT count(*) FROM proposals"))) }
        try db.forEach(
            """
            SELECT ref, title, directorate, owner, category, recurrence, delivery_start, replaces, fund, portfolio, portfolio_holder, risk, priority
            FROM proposals \(clause) ORDER BY ref
            """, parameters: parameters
        ) { row in
            proposals.append(
                Proposal(
                    ref: row.id("ref"), title: row.text("title"), directorate: row.text("directorate"), owner: row.id("owner"),
                    category: row.text("category"), recurrence: Recurrence(rawValue: row.text("recurrence")) ?? .ongoing, costCentres: [],
                    deliveryStart: row.optionalInt("delivery_start").flatMap { Period(code: Int($0)) }, replaces: row.optionalID("replaces"),
                    fund: row.optionalText("fund") ?? Proposal.generalFund))
            proposals[proposals.count - 1].portfolio = row.optionalText("portfolio")
            proposals[proposals.count - 1].portfolioHolder = row.optionalText("portfolio_holder")
            proposals[proposals.count - 1].risk = row.optionalText("risk").flatMap(RiskRating.init(rawValue:))
            proposals[proposals.count - 1].priority = row.optionalText("priority")
        }
        var index: [ProposalRef: Int] = [:]
        for (i, p) in proposals.enumerated() { index[p.ref] = i }
        let shareSQL =
            clause.isEmpty
            ? "SELECT ref, cost_centre, basis_points FROM proposal_cost_centres ORDER BY ref, position"
            : "SELECT ref, cost_centre, basis_points FROM proposal_cost_centres \(clause) ORDER BY ref, position"
        try db.forEach(shareSQL, parameters: parameters) { row in
            if let i = index[row.id("ref")] {
                proposals[i].costCentres.append(
                    CostCentreShare(costCentre: row.id("cost_centre"), basisPoints: row.optionalInt("basis_points").map(Int.init)))
            }
        }
        return proposals
    }
}
