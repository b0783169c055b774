import MTFSDomain

/// A line of a monthly return and a service impact identified at risk assessment: use cases over
/// any store's ``BookWrites``, owning their rules (SPEC §5 v3).
extension BookWrites {
    /// Records a line of a monthly return (as at the end of `period`) unless the latest line for the
    /// proposal, year and period already says the same; returns whether it was recorded. Refuses a
    /// period outside the MTFS years and a comment that is not plain text.
    @discardableResult
    public func recordReturnLine(
        ref: ProposalRef, year: FinancialYear, period: Period, deliveredToDate: Pence, deliveredBlank: Bool = false,
        forecast: Pence?, rag: RAG?, status: StatusMoney? = nil, comment: String, impact: ObservedImpact? = nil, by who: Provenance
    ) throws -> Bool {
        try transaction {
            try checkPeriodInWindow(period)
            try PlainText.checkComment(comment)
            // A service impact returned is plain text (it may run over lines, as a comment may), never text shown backwards.
            if let impact { try PlainText.checkText(impact.text, what: "impact", limit: PlainText.noteLimit) }
            return try insertReturnLine(
                ref: ref, year: year, period: period, deliveredToDate: deliveredToDate, deliveredBlank: deliveredBlank, forecast: forecast,
                rag: rag, status: status, comment: comment, impact: impact, by: who)
        }
    }

    /// Records a service impact identified when a saving was risk-assessed: the impact a name, its
    /// mitigation plain text, on a proposal the ledger has.
    public func addImpact(_ impact: IdentifiedImpact, by who: Provenance) throws {
        try transaction {
            _ = try requireProposal(impact.ref)
            // An impact is a sentence or two, as long as a return's comment may be.
            try PlainText.checkName(impact.impact, what: "impact", limit: PlainText.noteLimit)
            try PlainText.checkNote(impact.mitigation, what: "mitigation")
            try insertImpact(impact, by: who)
        }
    }
}
