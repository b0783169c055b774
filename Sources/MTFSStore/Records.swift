import Dispatch
import Foundation
import MTFSDomain

/// The tables whose rows are the facts the reports rest on (SPEC §3.2). Each row is one record of
/// the ledger's record chain, found by its key (never by rowid, which `VACUUM` may renumber).
public enum FactTable: String, CaseIterable, Sendable {
    case settingChanges = "setting_changes"
    case costCentres = "cost_centres"
    case assignments
    case baselines
    case proposals
    case proposalCostCentres = "proposal_cost_centres"
    case entries
    case forecasts
    case returnLines = "return_lines"
    case signOffs = "sign_offs"
    case userChanges = "user_changes"
    case tokens
    case authEvents = "auth_events"
    case impacts
    case reminders
    case holderNames = "holder_names"

    /// The tables schema 5 chained (the rest came later, with their own migrations).
    static let schema5: [FactTable] = [
        .settingChanges, .costCentres, .assignments, .baselines, .proposals, .proposalCostCentres, .entries, .forecasts, .returnLines,
        .signOffs,
    ]

    /// The columns that find one row: one, or two for the tables keyed by a pair.
    var keyColumns: (first: String, second: String?) {
        switch self {
        case .costCentres: ("code", nil)
        case .proposals: ("ref", nil)
        case .baselines: ("cost_centre", "year")
        case .proposalCostCentres: ("ref", "position")
        default: ("id", nil)
        }
    }

    /// Columns added after the table was first chained (schema 9 on), last in the table's order: a
    /// record hashes each by its name and only when it holds a value, so a record made before the
    /// column existed hashes as it did and two rows that differ only in which later column holds a
    /// value never hash alike.
    var laterColumns: [String] {
        switch self {
        case .returnLines: ["delivered_blank", "green", "amber", "red", "impact", "impact_foreseen"]
        case .forecasts: ["green", "amber", "red"]
        case .proposals: ["fund", "portfolio", "portfolio_holder", "risk", "priority"]
        case .userChanges: ["portfolio", "email"]
        default: []
        }
    }

    /// How many columns the table had before its later columns (a migration that chains a table's
    /// rows may run before the later columns are added).
    var firstLaterColumn: Int {
        switch self {
        case .returnLines: 12
        case .forecasts: 11
        case .proposals: 12
        case .userChanges: 12
        default: Int.max
        }
    }

    /// Keyed by an integer id given in insertion order: its rows and its records come in the same order.
    var keyedByID: Bool { keyColumns.first == "id" }

    /// The columns a record's hash covers: every stored column (`*`, so a column added later is
    /// covered too), but for an entry the ones its own hash does not cover and that hash itself.
    /// An entry's hash is over every other column, its postings and the entry before it, and
    /// `verify` recomputes it from them: the record covers all of them through it, and `verify`
    /// does not read and hash a million entries' text twice.
    var recordColumns: String { self == .entries ? "id, period, on_behalf_of, hash" : "*" }

    /// One row's record columns, by key. (The table name is one of these constants, never user input.)
    var rowSQL: String { FactTable.rowSQLs[self]! }

    private static let rowSQLs: [FactTable: String] = Dictionary(
        uniqueKeysWithValues: allCases.map { table in
            let (first, second) = table.keyColumns
            return (
                table,
                "SELECT \(table.recordColumns) FROM \(table.rawValue) WHERE \(first) = ?1" + (second.map { " AND \($0) = ?2" } ?? "")
            )
        })

    /// The name as it is hashed.
    var bytes: [UInt8] { FactTable.names[self]! }

    private static let names: [FactTable: [UInt8]] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, Array($0.rawValue.utf8)) })
}

/// The bytes a record's hash is taken over: a version, the table, the key, the previous record's
/// hash, then the row's columns in the table's order (``FactTable/recordColumns``: every stored
/// column, or for an entry those its own hash leaves out and that hash; `verify` checks the
/// table's definition itself against the migrations).
/// Each field is a 4-byte little-endian length and its bytes, and a value's first byte is its
/// storage class (`i` integer, as 8 bytes little-endian; `r` real, its 8 bytes; `t` text; `b`
/// blob; `n` null), so no choice of text can make two records hash alike. Written straight into
/// the caller's buffer: `verify` builds one for every record of the ledger.
enum RecordHash {
    static let version = Array("mtfs-record-v1".utf8)

    /// The fields before the row's columns: the version, the table, the key (written by `keys`, one
    /// value each for key1 and key2) and the previous record's hash.
    static func start<Bytes: Collection>(
        _ out: inout [UInt8], table: FactTable, previous: Bytes, keys: (inout [UInt8]) -> Void
    ) where Bytes.Element == UInt8 {
        field(&out, version)
        field(&out, table.bytes)
        keys(&out)
        field(&out, previous)
    }

    /// Every column of the row the statement is on (a later column by name, and only with a value).
    static func columns(_ out: inout [UInt8], of row: Row, table: FactTable) {
        let later = table.laterColumns
        let base = table.firstLaterColumn
        for i in 0..<row.columnCount {
            if Int(i) >= base {
                if row.type(i) == .null { continue }
                field(&out, Array(later[Int(i) - base].utf8))
            }
            column(&out, row, i)
        }
    }

    /// The same for a row's values as bound.
    static func values(_ out: inout [UInt8], _ values: [SQLValue], table: FactTable) {
        let later = table.laterColumns
        let base = table.firstLaterColumn
        for (i, v) in values.enumerated() {
            if i >= base {
                if case .null = v { continue }
                field(&out, Array(later[i - base].utf8))
            }
            value(&out, v)
        }
    }

    /// One column's value. The class first: reading a column's bytes converts an integer to text in place.
    static func column(_ out: inout [UInt8], _ row: Row, _ i: Int32) {
        switch row.type(i) {
        case .integer: eight(&out, "i", UInt64(bitPattern: row.int(i)))
        case .real: eight(&out, "r", row.double(i).bitPattern)
        case .text: tagged(&out, "t", row.bytes(i))
        case .blob: tagged(&out, "b", row.bytes(i))
        case .null: tagged(&out, "n", UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }

    static func value(_ out: inout [UInt8], _ v: SQLValue) {
        switch v {
        case .null: tagged(&out, "n", UnsafeRawBufferPointer(start: nil, count: 0))
        case .integer(let i): eight(&out, "i", UInt64(bitPattern: i))
        case .real(let d): eight(&out, "r", d.bitPattern)
        case .text(var s): s.withUTF8 { tagged(&out, "t", UnsafeRawBufferPointer($0)) }
        case .blob(let b): b.withUnsafeBytes { tagged(&out, "b", $0) }
        }
    }

    private static func eight(_ out: inout [UInt8], _ tag: Unicode.Scalar, _ bits: UInt64) {
        length(&out, 9)
        out.append(UInt8(ascii: tag))
        out.appendLittleEndian(bits)
    }

    private static func tagged(_ out: inout [UInt8], _ tag: Unicode.Scalar, _ body: UnsafeRawBufferPointer) {
        length(&out, body.count + 1)
        out.append(UInt8(ascii: tag))
        out.appendBytes(body)
    }

    private static func field<Bytes: Collection>(_ out: inout [UInt8], _ body: Bytes) where Bytes.Element == UInt8 {
        length(&out, body.count)
        out.append(contentsOf: body)
    }

    private static func length(_ out: inout [UInt8], _ n: Int) {
        out.appendLittleEndian(UInt32(truncatingIfNeeded: n))
    }
}
