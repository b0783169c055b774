import MTFSDomain

/// The people who sign in (SPEC §10, §11): use cases over any store's ``PeopleWrites``, owning the
/// rules a user's record keeps.
extension PeopleWrites {
    /// Adds a user whose fields are as their role needs (``PortalUser/validate()``).
    public func addUser(_ user: PortalUser, passwordHash: String, by actor: String, onBehalfOf: String? = nil, at time: Int64, recordedAt: String) throws {
        do throws(DomainError) { try user.validate() } catch { throw LedgerError.refused(error.explanation) }
        try insertUser(user, passwordHash: passwordHash, by: actor, onBehalfOf: onBehalfOf, at: time, recordedAt: recordedAt)
    }

    /// Sets (or, with nil, removes) a user's email address, where their reminders go.
    public func setEmail(_ login: String, _ email: String?, by actor: String, onBehalfOf: String? = nil, at time: Int64) throws {
        try transaction {
            guard var u = try user(login) else { throw LedgerError.notFound("there is no user \(login)") }
            u.email = email
            do throws(DomainError) { try u.validate() } catch { throw LedgerError.refused(error.explanation) }
            try recordEmail(login, email, by: actor, onBehalfOf: onBehalfOf, at: time)
        }
    }

    /// Records an API token for an enabled user.
    public func addToken(login: String, tokenHash: String, by actor: String, onBehalfOf: String? = nil, at time: Int64, recordedAt: String) throws {
        try transaction {
            guard let u = try user(login) else { throw LedgerError.notFound("there is no user \(login)") }
            guard !u.disabled else { throw LedgerError.refused("\(login) is disabled; a disabled user gets no token") }
            try insertToken(login: login, tokenHash: tokenHash, by: actor, onBehalfOf: onBehalfOf, at: time, recordedAt: recordedAt)
        }
    }
}

extension BookWrites {
    /// Sets the window on a new ledger, or extends it forwards; never moves it backwards.
    public func setWindow(_ range: YearRange, by who: Provenance) throws {
        try transaction {
            if let existing = try window() {
                guard range.first == existing.first else {
                    throw LedgerError.refused("the ledger's MTFS window starts in \(existing.first); it cannot be moved to \(range.first)")
                }
                guard range.last >= existing.last else {
                    throw LedgerError.refused("the ledger's MTFS window runs to \(existing.last); it cannot be shortened to \(range.last)")
                }
                if range == existing { return }
            }
            try recordWindow(range, by: who)
        }
    }

    /// Adds a cost centre with where it sits from `assignment.effective`, and its baselines. Its
    /// code is a name (``PlainText/checkName(_:what:)``) without `;` or `=`, which separate a
    /// proposal's cost centres and shares (`A=60%;B=40%`).
    public func addCostCentre(_ costCentre: CostCentre, assignment: Assignment, baselines: [FinancialYear: Pence] = [:], by who: Provenance) throws {
        try transaction {
            var assignment = assignment
            try PlainText.checkName(costCentre.code.rawValue, what: "cost centre code")
            try PlainText.checkStoredLength(costCentre.code.rawValue, what: "cost centre code", limit: 60)
            // A name may be left blank (packs often have none), but is never more than plain text.
            if !costCentre.name.trimmingSpaces().isEmpty { try PlainText.checkName(costCentre.name, what: "cost centre name") }
            try assignment.checkNames()
            assignment.budgetHolder = try spelled(assignment.budgetHolder)
            try PlainText.checkReason(assignment.reason)
            for year in baselines.keys { try checkInWindow(year) }
            if costCentre.code.rawValue.contains(where: { $0 == ";" || $0 == "=" }) {
                throw LedgerError.refused("the cost centre code \"\(costCentre.code)\" contains ';' or '=', which separate a proposal's cost centres and shares")
            }
            // One cost centre, however it is typed (as one proposal, SPEC §5 v3).
            if let same = try self.costCentre(matching: costCentre.code), same != costCentre.code {
                throw LedgerError.conflict(
                    "cost centre \(costCentre.code) differs from \(same), already in the ledger, only in case or spacing; give it a code of its own")
            }
            try insert(costCentre, assignment: assignment, baselines: baselines, by: who)
        }
    }

    /// Records a cost centre's net budget for a year of the window.
    public func addBaseline(costCentre: CostCentreCode, year: FinancialYear, netBudget: Pence, by who: Provenance) throws {
        try transaction {
            try checkInWindow(year)
            try insertBaseline(costCentre: try requireCostCentre(costCentre), year: year, netBudget: netBudget, by: who)
        }
    }
}
