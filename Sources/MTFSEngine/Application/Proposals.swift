import MTFSDomain

/// Adding a proposal with its approved targets, and a return's delivered to date: use cases over
/// any store's ``BookWrites``, owning the rules of the books they keep (SPEC §3, §5 v3).
extension BookWrites {
    /// Adds a proposal and approves its target for each year (one approval entry per year, each
    /// kept to the rules of ``record(_:on:effective:reason:by:)``); returns the approvals' ids.
    @discardableResult
    public func addProposal(_ proposal: Proposal, targets: [FinancialYear: Pence], effective: CivilDate, reason: String, by who: Provenance) throws
        -> [Int64]
    {
        try transaction {
            for (text, what) in [(proposal.title, "title"), (proposal.owner.rawValue, "owner"), (proposal.directorate, "directorate"), (proposal.fund, "fund")] {
                try PlainText.checkName(text, what: what)
            }
            // A category may be left blank (packs often have none), but is never more than a name.
            if !proposal.category.isEmpty { try PlainText.checkName(proposal.category, what: "category") }
            for (text, what) in [(proposal.portfolio, "portfolio"), (proposal.portfolioHolder, "portfolio holder"), (proposal.priority, "priority")] {
                guard let text else { continue }
                try PlainText.checkName(text, what: what)
                try PlainText.checkStoredLength(text, what: what, limit: 200)
            }
            // The proposal it replaces, as the ledger spells it (`peo-05` names PEO-05, SPEC §5 v3).
            var proposal = proposal
            if let replaced = proposal.replaces {
                guard let known = try ref(matching: replaced) else {
                    throw LedgerError.refused("proposal \(proposal.ref) replaces \(replaced), which is not in the ledger")
                }
                proposal.replaces = known
            }
            try PlainText.checkReason(reason)
            try proposal.validate()
            if let same = try ref(matching: proposal.ref) {
                throw LedgerError.conflict(
                    same == proposal.ref
                        ? "proposal \(proposal.ref) already exists"
                        : "proposal \(proposal.ref) differs from \(same), already in the ledger, only in case or spacing; give it a ref of its own")
            }
            let stored = try insert(spelled(proposal), by: who)
            if let start = stored.deliveryStart { try checkInWindow(start.year) }
            for year in targets.keys { try checkInWindow(year) }
            var ids: [Int64] = []
            for (year, amount) in targets.sorted(by: { $0.key < $1.key }) where !amount.isZero {
                ids.append(try record(.approve(year: year, amount: amount), on: stored.ref, effective: effective, reason: reason, by: who))
            }
            return ids
        }
    }

    /// Sets a proposal-year's delivered to date as at the end of `period` to what a return for that
    /// period says, and nothing after it (a prior-period correction when a later return stands).
    /// `reason` is given the figure that stood. Returns the change posted (zero, with nothing
    /// written, when the figure already stood).
    @discardableResult
    public func setDelivered(
        ref: ProposalRef, year: FinancialYear, to target: Pence, asAt period: Period, reason: (_ was: Pence) -> String, by who: Provenance
    ) throws -> Pence {
        try transaction {
            _ = try requireProposal(ref)
            try checkInWindow(year)
            let delivered = try balance(of: ref, .delivered, year, asAt: period)
            let change = target - delivered
            if change.isZero { return .zero }
            guard !target.isNegative else { throw LedgerError.refused("delivered to date cannot be negative, found \(target)") }
            if period.lastDay < year.firstDay { throw LedgerError.refused("a return for \(period) cannot report delivery in \(year), which starts later") }
            if !change.isNegative { try MovementRules.somethingToDeliver(ref, year, target: self.target(of: ref, year)) }
            return try postDelivered(ref: ref, year: year, change: change, asAt: period, reason: reason(delivered), by: who)
        }
    }
}

extension BookReads {
    /// The proposal as the ledger keeps it: its portfolio, holder and priority trimmed; its fund,
    /// portfolio and owner spelled as the ledger first spelled them ("hra" is HRA, "helen brandt"
    /// Helen Brandt), so a member's account names one portfolio and a holder's statement one
    /// holder; its cost centres' codes as the ledger spells them. Refuses a cost centre the ledger
    /// does not have.
    func spelled(_ proposal: Proposal) throws -> Proposal {
        var proposal = proposal
        proposal.portfolio = proposal.portfolio?.trimmingSpaces()
        proposal.portfolioHolder = proposal.portfolioHolder?.trimmingSpaces()
        proposal.priority = proposal.priority?.trimmingSpaces()
        if let portfolio = proposal.portfolio, let spelled = try spelling(of: portfolio, as: .portfolio) { proposal.portfolio = spelled }
        if proposal.fund.lowercased() == Proposal.generalFund.lowercased() {
            proposal.fund = Proposal.generalFund
        } else {
            proposal.fund = try spelling(of: proposal.fund.trimmingSpaces(), as: .fund) ?? proposal.fund.trimmingSpaces()
        }
        proposal.owner = try spelled(proposal.owner)
        var seen: [CostCentreCode: CostCentreCode] = [:]
        for i in proposal.costCentres.indices {
            let typed = proposal.costCentres[i].costCentre
            let code = try requireCostCentre(typed)
            if let earlier = seen[code] { throw LedgerError.refused("cost centre \(code) is listed twice (as \(earlier) and \(typed))") }
            seen[code] = typed
            proposal.costCentres[i].costCentre = code
        }
        return proposal
    }
}
