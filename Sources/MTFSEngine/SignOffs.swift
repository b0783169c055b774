import MTFSDomain
import MTFSStore

/// Signing a statement: the holder's statement is built, and its figures and the chain head
/// recorded with the sign-off, in one transaction, so what is recorded is what was shown.
public enum SignOffs {
    /// Signs `holder`'s statement for `period`. Refuses a holder with no statement that period,
    /// a period outside the MTFS years, a period after the latest data in the ledger, a comment that
    /// is not plain text, and — given `shown`, the hash of the figures the signer saw — figures that
    /// have changed since (a return recorded meanwhile). Every way to sign (the command line, the
    /// portal's page, the API) comes here: the rules are these and nowhere else. `suggestingNames`:
    /// a holder with no statement is answered with the names it may have meant (only where the
    /// signer may see every statement).
    @discardableResult
    public static func sign(
        ledger: Ledger, holder: HolderID, period: Period, comment: String, shown: String? = nil, suggestingNames: Bool = false, by who: Provenance
    ) throws -> SignOff {
        try ledger.transaction {
            guard !holder.rawValue.trimmingSpaces().isEmpty else { throw LedgerError.refused("the budget holder's name is empty") }
            try PlainText.checkName(holder.rawValue, what: "budget holder")
            if let problem = PlainText.problem(comment, limit: PlainText.noteLimit) { throw LedgerError.refused("the comment \(problem)") }
            let window = try ledger.books.requireWindow()
            guard window.contains(period.year) else {
                throw LedgerError.refused("\(period) is outside the ledger's MTFS years \(window); there is no statement to sign")
            }
            guard let latest = try ledger.signOffs.latestDataPeriod(), period <= latest else {
                throw LedgerError.refused(
                    "nothing has been recorded for \(period) yet (the latest data is for \(try ledger.signOffs.latestDataPeriod().map(\.description) ?? "no period")); a statement can be signed once its month has figures"
                )
            }
            let builder = try StatementBuilder(ledger: ledger, period: period, settings: try ledger.settings.reconcileSettings())
            guard let holder = builder.holder(named: holder) else {
                // Holders' names are suggested only where the signer may see every statement (the command line).
                let near = suggestingNames ? holder.near(in: builder.holders) : []
                throw LedgerError.badField(
                    "holder",
                    "\(holder) holds no cost centre and owns no proposal at the end of \(period), so has no statement to sign; "
                        + (near.isEmpty ? "check the name against the statements for \(period)" : "did you mean \(near.joined(separator: ", "))?"))
            }
            let statement = try builder.statement(for: holder)
            // Signing the same figures twice records nothing new: a second click, a form sent
            // again, a script run twice. Figures that changed since the last sign-off may be signed.
            if let earlier = try ledger.signOffs.find(holder: holder, for: period), earlier.figures == statement.figures.text {
                throw LedgerError.conflict(
                    "\(holder)'s statement for \(period) is already signed with these figures (by \(earlier.signer) on \(earlier.signedAt.prefix(10))); nothing was recorded")
            }
            if let shown, SHA256.hex(statement.figures.text) != shown {
                throw LedgerError.conflict(
                    "The figures changed after the page was shown (a return or entry was recorded meanwhile); nothing was signed. Open the statement again, check it and sign.")
            }
            try ledger.signOffs.record(
                holder: holder, period: period, comment: comment, figures: statement.figures.text, head: builder.head, by: who)
            return try ledger.signOffs.find(holder: holder, for: period) ?? SignOff(
                holder: holder, period: period, signedBy: who.actor, signedAt: who.recordedAt, comment: comment)
        }
    }
}
