import CSQLite
import Foundation
import MTFSDomain

/// Cost centres and where they sit over time (SPEC §6), their baselines, and forecasts.
extension OrganisationStore {
    // MARK: - The operating model

    /// Adds a cost centre with where it sits from `assignment.effective`, and its baselines (the
    /// rules its code keeps are the use case's: `BookWrites.addCostCentre`); a code already taken
    /// is a conflict.
    public func insert(_ costCentre: CostCentre, assignment: Assignment, baselines: [FinancialYear: Pence], by who: Provenance) throws {
        try ledger.transaction {
            guard try db.first("SELECT 1 FROM cost_centres WHERE code = ?", costCentre.code, map: { _ in true }) == nil else {
                throw LedgerError.conflict("cost centre \(costCentre.code) already exists")
            }
            try db.run(
                "INSERT INTO cost_centres(code, name, recorded_at, actor, source, on_behalf_of) VALUES (?, ?, ?, ?, ?, ?)",
                costCentre.code, costCentre.name, who.recordedAt, who.actor, who.source, who.onBehalfOf)
            try ledger.chain.append(.costCentres, costCentre.code)
            try insertAssignment(assignment, by: who)
            for (year, amount) in baselines.sorted(by: { $0.key < $1.key }) {
                try insertBaseline(costCentre: costCentre.code, year: year, netBudget: amount, by: who)
            }
        }
    }

    /// Appends a cost centre's net budget for a year (the rules it keeps are the use case's:
    /// `BookWrites.addBaseline`); a second for the same year is a conflict (the table's key).
    public func insertBaseline(costCentre: CostCentreCode, year: FinancialYear, netBudget: Pence, by who: Provenance) throws {
        // The row and its record land together (and its head is logged) even when called alone.
        if !db.inTransaction { return try ledger.transaction { try insertBaseline(costCentre: costCentre, year: year, netBudget: netBudget, by: who) } }
        if try db.first("SELECT 1 FROM baselines WHERE cost_centre = ? AND year = ?", costCentre, year.startYear, map: { _ in true }) != nil
        {
            throw LedgerError.conflict("cost centre \(costCentre) already has a baseline for \(year)")
        }
        try db.run(
            "INSERT INTO baselines(cost_centre, year, net_budget, recorded_at, actor, source, on_behalf_of) VALUES (?, ?, ?, ?, ?, ?, ?)",
            costCentre, year.startYear, netBudget.rawValue, who.recordedAt, who.actor, who.source, who.onBehalfOf)
        try ledger.chain.append(.baselines, costCentre, year.startYear)
    }

    /// Appends where a cost centre sits from a date (a restructure; the rules it keeps are the use
    /// case's: `BookWrites.restructure`).
    public func insert(_ assignment: Assignment, by who: Provenance) throws {
        try ledger.transaction { try insertAssignment(assignment, by: who) }
    }

    private func insertAssignment(_ a: Assignment, by who: Provenance) throws {
        var a = a
        if try db.first(
            "SELECT 1 FROM assignments WHERE cost_centre = ? AND effective = ?", a.costCentre, a.effective.description, map: { _ in true })
            != nil
        {
            throw LedgerError.conflict("cost centre \(a.costCentre) already has a change effective on \(a.effective)")
        }
        a.budgetHolder = try ledger.holders.named(a.budgetHolder, by: who)
        try db.run(
            """
            INSERT INTO assignments(cost_centre, effective, service, directorate, budget_holder, model, reason, recorded_at, actor, source, on_behalf_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, a.costCentre, a.effective.description, a.service, a.directorate, a.budgetHolder, a.model.rawValue, a.reason,
            who.recordedAt, who.actor, who.source, who.onBehalfOf)
        try ledger.chain.append(.assignments, db.lastInsertRowID)
    }

    /// The code of the cost centre `code` names allowing for case and spacing, as the ledger
    /// spells it, or nil (an exact code is found by the table's key).
    public func code(matching code: CostCentreCode) throws -> CostCentreCode? {
        if try db.first("SELECT 1 FROM cost_centres WHERE code = ?", code, map: { _ in true }) != nil { return code }
        let wanted = Proposal.canonical(code.rawValue)
        return try db.query("SELECT code FROM cost_centres ORDER BY code") { $0.id("code", as: CostCentreCode.self) }
            .first { Proposal.canonical($0.rawValue) == wanted }
    }

    /// Every cost centre.
    public func costCentres() throws -> [CostCentre] {
        try db.query("SELECT code, name FROM cost_centres ORDER BY code") { CostCentre(code: $0.id(0), name: $0.text(1)) }
    }

    /// The whole operating model history.
    public func operatingModel() throws -> OperatingModel { try operatingModel(where: "", []) }

    /// One cost centre's history (what a restructure checks, without reading every cost centre's).
    public func operatingModel(of costCentre: CostCentreCode) throws -> OperatingModel {
        try operatingModel(where: "WHERE cost_centre = ?", [costCentre])
    }

    private func operatingModel(where clause: String, _ parameters: [SQLBindable]) throws -> OperatingModel {
        let register = try ledger.holders.register()
        let rows = try db.query(
            "SELECT cost_centre, effective, service, directorate, budget_holder, model, reason FROM assignments \(clause) ORDER BY id",
            parameters: parameters
        ) { row in
            Assignment(
                costCentre: row.id("cost_centre"), effective: try CivilDate(parsing: row.text("effective")), service: row.text("service"),
                directorate: row.text("directorate"), budgetHolder: register.current(row.id("budget_holder")),
                model: ServiceModel(rawValue: row.text("model")) ?? .devolved, reason: row.text("reason"))
        }
        return OperatingModel(rows)
    }

    /// Net budgets by cost centre and year.
    public func baselines() throws -> [CostCentreCode: [FinancialYear: Pence]] {
        var out: [CostCentreCode: [FinancialYear: Pence]] = [:]
        try db.forEach("SELECT cost_centre, year, net_budget FROM baselines") { row in
            out[row.id(0), default: [:]][FinancialYear(startYear: Int(row.int(1)))] = Pence(row.int(2))
        }
        return out
    }
}
