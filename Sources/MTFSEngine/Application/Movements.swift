import MTFSDomain

/// Recording a movement of a saving (SPEC §3): an approval, a delivery or its reduction, a slip, a
/// write-off, a reversal, and a return's delivered to date. These are the use cases, and each owns
/// every rule it keeps. They run over any store's ``BookWrites`` (the SQLite ledger today): they read
/// what a rule needs, refuse or plan the postings, and append. The command line, the portal and a
/// pack's load all come here. None of them posts to the store directly.
extension BookWrites {
    /// Records a movement on a proposal as one balanced, hash-chained entry; returns its id.
    @discardableResult
    public func record(_ movement: Movement, on ref: ProposalRef, effective: CivilDate, reason: String, by who: Provenance) throws -> Int64 {
        try transaction {
            let proposal = try requireProposal(ref)
            try MovementRules.check(movement, on: proposal, effective: effective, in: self)
            try PlainText.checkReason(reason)
            let current = try balances(movement.drawnAccounts(on: proposal))
            let postings = try PostingPlanner.postings(for: movement, proposal: proposal) { current[$0] ?? .zero }
            try MovementRules.checkMoved(movement, on: proposal, in: self)
            return try append(
                NewEntry(
                    kind: movement.kind, proposal: proposal.ref, year: movement.year, toYear: movement.toYear, effective: effective, reason: reason,
                    postings: postings), by: who)
        }
    }

    /// Records the mirror of an earlier entry; returns the new entry's id.
    @discardableResult
    public func reverse(entry id: Int64, effective: CivilDate, reason: String, by who: Provenance) throws -> Int64 {
        try transaction {
            guard let original = try entry(id) else { throw LedgerError.notFound("there is no entry \(id) in the ledger") }
            if original.kind == .reverse {
                throw LedgerError.refused("entry \(id) is itself a reversal (of entry \(original.reverses ?? 0)); record the movement again instead")
            }
            if let by = try reversal(of: id) { throw LedgerError.conflict("entry \(id) was already reversed by entry \(by)") }
            if effective < original.effective {
                throw LedgerError.refused("a reversal of entry \(id) cannot be dated \(effective), before the entry itself (\(original.effective))")
            }
            try PlainText.checkReason(reason)
            let current = try balances(original.postings.map(\.account))
            let mirror = try PostingPlanner.reversal(of: original.postings, entry: id) { current[$0] ?? .zero }
            // What the mirror gives each year: to its target (planned and delivered), and to what
            // was approved and not slipped out (written off too).
            var given: [FinancialYear: Pence] = [:], moved: [FinancialYear: Pence] = [:]
            for leg in mirror where leg.account.proposal != nil {
                moved[leg.account.year, default: .zero] += leg.amount
                if leg.account.kind == .planned || leg.account.kind == .delivered { given[leg.account.year, default: .zero] += leg.amount }
            }
            // It may not leave a later year with less of the saving in place than falls out of it.
            if moved.values.contains(where: \.isNegative) {
                try MovementRules.keepsSavingInPlace(original.proposal, try approved(of: original.proposal), change: moved)
            }
            // A reversal gives a year back what the entry took (a write-off, a slip out): like an
            // approval or a slip, it may not take the year's target past what one amount can be.
            for (year, amount) in given.sorted(by: { $0.key < $1.key }) {
                try MovementRules.withinLimit(original.proposal, year, target: try target(of: original.proposal, year), adding: amount, by: "reversing entry \(id)")
            }
            return try append(
                NewEntry(
                    kind: .reverse, proposal: original.proposal, year: original.year, effective: effective, reason: reason, reverses: id,
                    postings: mirror), by: who)
        }
    }
}

/// The rules a movement keeps before it is posted (SPEC §3 and §5 v3), each asked in one place.
enum MovementRules {
    static func check(_ movement: Movement, on proposal: Proposal, effective: CivilDate, in books: some BookReads) throws {
        try books.checkInWindow(movement.year)
        if let to = movement.toYear { try books.checkInWindow(to) }
        switch movement {
        case .deliver(let year, _), .reduce(let year, _):
            if effective < year.firstDay { throw LedgerError.refused("a delivery for \(year) cannot be dated \(effective), before the year starts") }
        default: break
        }
        // A year's target is never taken past what the ledger accepts as one amount, so no single
        // movement of it (a return's delivered-to-date change included) can be larger.
        switch movement {
        case .approve(let year, let amount), .slip(_, let year, let amount):
            try withinLimit(proposal.ref, year, target: try books.target(of: proposal.ref, year), adding: amount, by: "this")
        default: break
        }
        if case .deliver(let year, _) = movement { try somethingToDeliver(proposal.ref, year, target: books.target(of: proposal.ref, year)) }
    }

    /// A year's target is never taken past what the ledger accepts as one amount. `by`: what would
    /// take it there, as the refusal says it ("this", "reversing entry 12").
    static func withinLimit(_ ref: ProposalRef, _ year: FinancialYear, target: Pence, adding amount: Pence, by what: String) throws {
        if target.rawValue > Pence.limit.rawValue - amount.rawValue {
            throw LedgerError.refused(
                "\(what) would take \(ref)'s target for \(year) to \(Pence(target.rawValue + amount.rawValue)), more than the \(Pence.limit) a year's target can be")
        }
    }

    /// Target moved between years (a saving falling out, a slip) may not leave a later year with
    /// less in place than was made before it. Asked once the movement is otherwise good (a slip of
    /// more than is planned is refused as that).
    static func checkMoved(_ movement: Movement, on proposal: Proposal, in books: some BookReads) throws {
        switch movement {
        case .approve(let year, let amount) where amount.isNegative:
            try keepsSavingInPlace(proposal.ref, try books.approved(of: proposal.ref), change: [year: amount])
        case .slip(let from, let to, let amount):
            try keepsSavingInPlace(proposal.ref, try books.approved(of: proposal.ref), change: [from: .zero - amount, to: amount])
        default: break
        }
    }

    /// Nothing is delivered, or forecast, in a year where the saving only falls out (a negative
    /// target: a pressure, SPEC §5 v3); over-delivering a saving's own target is accepted. Every way
    /// of delivering (a movement, a return's delivered to date) and of forecasting asks this.
    /// `done` and `what`: the refusal's words ("delivered", "delivery"; "forecast", "forecast").
    static func somethingToDeliver(_ ref: ProposalRef, _ year: FinancialYear, target: Pence, done: String = "delivered", what: String = "delivery")
        throws
    {
        if target.isNegative {
            throw LedgerError.refused(
                "\(year) is when \(ref)'s earlier saving falls out (a pressure of \(target.magnitude)), so nothing is \(done) in it; give the \(what) in the year the saving is made")
        }
    }

    /// A saving falling out (a negative target) may not take more out than is in place: the
    /// proposal's running total of what was approved for each year and not slipped out (planned,
    /// delivered and written off), year by year, never goes below zero where `change` takes it lower
    /// (SPEC §5 v3). Every movement that moves target between years asks it: an approval of a
    /// saving falling out, a slip, a reversal.
    static func keepsSavingInPlace(_ ref: ProposalRef, _ approved: [FinancialYear: Pence], change: [FinancialYear: Pence]) throws {
        var after = approved
        for (year, amount) in change { after[year, default: .zero] += amount }
        var before = Pence.zero, running = Pence.zero
        for year in Set(approved.keys).union(after.keys).sorted() {
            before += approved[year] ?? .zero
            running += after[year] ?? .zero
            if running.isNegative && running < before {
                throw LedgerError.refused("\(ref)'s saving in place by \(year) would be \(running): a saving cannot fall out by more than was made before it")
            }
        }
    }
}
