import Foundation
import MTFSDomain
@testable import MTFSStore

/// A fresh folder under the system temporary directory, removed when the value is released.
final class TempDir {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mtfs-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

let testWho = Provenance(actor: "tester", recordedAt: "2023-11-20T10:00:00Z", source: "test")

func date(_ s: String) -> CivilDate { try! CivilDate(parsing: s) }
func fy(_ start: Int) -> FinancialYear { FinancialYear(startYear: start) }
func pounds(_ p: Int64) -> Pence { Pence.pounds(p) }

/// A ledger for 2023/24..2025/26 with cost centres A1, A2 (People, held by Ann), B1 (Place, held by Bob)
/// and a proposal P-1 on A1 60% / A2 40% with £500k, £750k, £250k targets.
func sampleLedger(_ dir: TempDir, name: String = "l.sqlite") throws -> Ledger {
    let ledger = try Ledger(path: dir.path(name), create: true)
    try ledger.books.setWindow(YearRange(first: fy(2023), last: fy(2025)), by: testWho)
    for (code, dir, holder) in [("A1", "People", "Ann"), ("A2", "People", "Ann"), ("B1", "Place", "Bob")] {
        try ledger.books.addCostCentre(
            CostCentre(code: CostCentreCode(code), name: code),
            assignment: Assignment(
                costCentre: CostCentreCode(code), effective: date("2023-04-01"), service: "\(dir) service",
                directorate: dir, budgetHolder: HolderID(holder), model: .devolved),
            baselines: [fy(2023): pounds(5_000_000)], by: testWho)
    }
    try ledger.books.addProposal(
        Proposal(
            ref: "P-1", title: "Reduce placements", directorate: "People", owner: "Ann",
            costCentres: try CostCentreShare.parseList("A1=60%;A2=40%")),
        targets: [fy(2023): pounds(500_000), fy(2024): pounds(750_000), fy(2025): pounds(250_000)],
        effective: date("2023-04-01"), reason: "MTFS", by: testWho)
    return ledger
}

/// Every table's rows as text, to show that a refused operation changed nothing.
func snapshot(_ ledger: Ledger) throws -> String {
    var out = ""
    for table in [
        "setting_changes", "cost_centres", "assignments", "baselines", "proposals", "proposal_cost_centres", "accounts", "entries",
        "postings", "forecasts", "return_lines", "sign_offs", "holder_names", "records",
    ] {
        try ledger.db.forEach("SELECT * FROM \(table) ORDER BY 1, 2") { row in
            out += table + ":" + (0..<16).map { "\(row.value(Int32($0)))" }.joined(separator: "|") + "\n"
        }
    }
    return out
}

/// A file under Tests/MTFSTests/Fixtures.
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

/// Makes at `path` the ledger the previous release (schema 4, commit cf5de07) wrote, from the SQL
/// text of it in Fixtures/schema4.sql (no database file is committed): its tables, rows, indexes and
/// triggers exactly as that version left them, and its schema version.
func makeSchema4Ledger(at path: String) throws {
    let db = try Database(path: path, create: true)
    try db.execute(try String(contentsOfFile: fixture("schema4.sql"), encoding: .utf8))
    try db.execute("PRAGMA user_version = 4")
    _ = try db.first("PRAGMA journal_mode = WAL") { $0.text(0) }
}
