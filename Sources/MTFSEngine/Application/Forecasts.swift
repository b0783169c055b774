import MTFSDomain

/// A forecast and a restructure: use cases over any store's ``BookWrites``, owning their rules.
extension BookWrites {
    /// Records the forecast for the year, the RAG and the comment as at a period.
    public func recordForecast(
        ref: ProposalRef, year: FinancialYear, period: Period, forecast: Pence, rag: RAG, comment: String, status: StatusMoney? = nil,
        by who: Provenance
    ) throws {
        try transaction {
            _ = try requireProposal(ref)
            try checkInWindow(year)
            try checkPeriodInWindow(period)
            guard !forecast.isNegative else { throw LedgerError.refused("a forecast cannot be negative, found \(forecast)") }
            // As nothing is delivered in a year where the saving only falls out, nothing is forecast in it.
            try MovementRules.somethingToDeliver(ref, year, target: self.target(of: ref, year), done: "forecast", what: "forecast")
            try PlainText.checkComment(comment)
            try insertForecast(ref: ref, year: year, period: period, forecast: forecast, rag: rag, comment: comment, status: status, by: who)
        }
    }

    /// Moves a cost centre to a new service, directorate and holder from a date: a change, dated
    /// after the cost centre was set up.
    public func restructure(_ assignment: Assignment, by who: Provenance) throws {
        try transaction {
            // The cost centre and the holder as the ledger spells them: `helen brandt` is not a new holder.
            var assignment = assignment
            assignment.costCentre = try requireCostCentre(assignment.costCentre)
            try assignment.checkNames()
            assignment.budgetHolder = try spelled(assignment.budgetHolder)
            let model = try operatingModel(of: assignment.costCentre)
            if let current = model.assignment(of: assignment.costCentre, on: assignment.effective),
                current.service == assignment.service, current.directorate == assignment.directorate,
                current.budgetHolder == assignment.budgetHolder, current.model == assignment.model
            {
                throw LedgerError.refused(
                    "cost centre \(assignment.costCentre) is already in \(current.service), \(current.directorate), held by \(current.budgetHolder), on \(assignment.effective)"
                )
            }
            // Earlier structures may be recorded (the operating model's history); a later one is outside what the ledger covers.
            if let window = try window(), assignment.effective.period.year > window.last {
                throw LedgerError.refused("a restructure cannot be dated \(assignment.effective), after the ledger's MTFS years \(window)")
            }
            if let first = model.original(of: assignment.costCentre), assignment.effective <= first.effective {
                throw LedgerError.refused("a restructure of \(assignment.costCentre) must be dated after the cost centre was set up")
            }
            try PlainText.checkReason(assignment.reason)
            try insert(assignment, by: who)
        }
    }
}
