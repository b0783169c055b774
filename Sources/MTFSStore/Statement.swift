import CSQLite
import Foundation
import MTFSDomain

/// A prepared statement. Parameters bind by position, from 1.
final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    public let sql: String
    /// Column positions by name, each found once (a prepared statement's columns never change), so
    /// reading a row by name costs a lookup, not a scan of the columns' names.
    var columnIndex: [UnsafeRawPointer: Int32] = [:]

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw database.error(sql: sql) }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds every parameter, clearing earlier bindings; the count must match the SQL's.
    public func bind(_ values: [SQLBindable]) throws {
        try bind(count: values.count) { values[$0].sqlValue }
    }

    /// Binds values already converted (a bulk write's queued parameters).
    func bind(_ values: ArraySlice<SQLValue>) throws {
        let start = values.startIndex
        try bind(count: values.count) { values[start + $0] }
    }

    private func bind(count: Int, _ valueAt: (Int) -> SQLValue) throws {
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard count == expected else {
            throw DatabaseError(code: SQLITE_RANGE, message: "expected \(expected) parameters, got \(count)", sql: sql)
        }
        for offset in 0..<count {
            let index = Int32(offset + 1)
            let rc: Int32
            switch valueAt(offset) {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
            case .real(let v): rc = sqlite3_bind_double(handle, index, v)
            // With its length: text holding a NUL is stored whole, as the record chain hashes it.
            case .text(let v): rc = sqlite3_bind_text64(handle, index, v, sqlite3_uint64(v.utf8.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
            case .blob(let v):
                rc = v.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
            }
            if rc != SQLITE_OK { throw database.error(sql: sql) }
        }
    }

    /// Steps once: true when a row is ready, false when done.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Makes the statement ready to run again.
    public func reset() throws {
        sqlite3_reset(handle)
    }
}

/// The current row of a stepping statement.
struct Row {
    /// The statement's handle, not the statement: a row is read millions of times in `verify`, and
    /// holding the class would retain and release it at every column. Valid while the statement
    /// is on this row (the caller holds the statement).
    let handle: OpaquePointer
    /// Only for the column positions by name; unretained, as the handle is.
    unowned(unsafe) let statement: Statement

    init(statement: Statement) {
        handle = statement.handle
        self.statement = statement
    }

    /// The column's value.
    public func value(_ index: Int32) -> SQLValue {
        let h = handle
        switch sqlite3_column_type(h, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(h, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(h, index))
        case SQLITE_TEXT: return .text(text(index))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(h, index))
            guard count > 0, let base = sqlite3_column_blob(h, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
        default: return .null
        }
    }

    /// An integer column (0 when NULL).
    public func int(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }
    /// An integer column, nil when NULL.
    public func optionalInt(_ index: Int32) -> Int64? { isNull(index) ? nil : int(index) }
    /// A text column ("" when NULL).
    public func text(_ index: Int32) -> String {
        guard let c = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: c, count: count), as: UTF8.self)
    }
    /// A column's bytes as stored (text without decoding), valid until the statement steps on or
    /// is reset; empty for NULL.
    public func bytes(_ index: Int32) -> UnsafeRawBufferPointer {
        let h = handle
        // sqlite3_column_blob, then _bytes (https://www.sqlite.org/c3ref/column_blob.html).
        guard let base = sqlite3_column_blob(h, index) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base, count: Int(sqlite3_column_bytes(h, index)))
    }
    /// A text column that holds an identity: a proposal's ref or a cost centre's code.
    public func id<T: TextIdentity>(_ index: Int32, as type: T.Type = T.self) -> T { T(rawValue: text(index)) }
    /// An identity column, nil when NULL.
    public func optionalID<T: TextIdentity>(_ index: Int32, as type: T.Type = T.self) -> T? { isNull(index) ? nil : id(index) }
    /// A text column, nil when NULL.
    public func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }
    /// A real column.
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }
    /// Whether the column is NULL.
    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// The position of the column called `name` in the statement's result (its `AS` name, else the
    /// column's own), so a row can be read by name rather than by counting `SELECT`'s columns.
    /// A name the query does not have is a programming error, caught by the first test to run it.
    public func column(_ name: StaticString) -> Int32 {
        // Found once per statement and name (a literal's address is its key); compared as bytes,
        // with no String made.
        let key = UnsafeRawPointer(name.utf8Start)
        if let known = statement.columnIndex[key] { return known }
        let found = name.withUTF8Buffer { wanted -> Int32? in
            guard let base = wanted.baseAddress else { return nil }
            for i in 0..<sqlite3_column_count(handle) {
                guard let column = sqlite3_column_name(handle, i), strlen(column) == wanted.count else { continue }
                if memcmp(column, base, wanted.count) == 0 { return i }
            }
            return nil
        }
        guard let found else { preconditionFailure("the query has no column \(name)") }
        statement.columnIndex[key] = found
        return found
    }
    /// A text column by name ("" when NULL).
    public func text(_ name: StaticString) -> String { text(column(name)) }
    /// A text column by name, nil when NULL.
    public func optionalText(_ name: StaticString) -> String? { optionalText(column(name)) }
    /// An integer column by name (0 when NULL).
    public func int(_ name: StaticString) -> Int64 { int(column(name)) }
    /// An integer column by name, nil when NULL.
    public func optionalInt(_ name: StaticString) -> Int64? { optionalInt(column(name)) }
    /// An identity column by name.
    public func id<T: TextIdentity>(_ name: StaticString, as type: T.Type = T.self) -> T { id(column(name)) }
    /// An identity column by name, nil when NULL.
    public func optionalID<T: TextIdentity>(_ name: StaticString, as type: T.Type = T.self) -> T? { optionalID(column(name)) }
    /// Whether the column called `name` is NULL.
    public func isNull(_ name: StaticString) -> Bool { isNull(column(name)) }

    /// A column's storage class (https://www.sqlite.org/datatype3.html): read it before the value,
    /// since reading an integer as text converts it.
    public enum StorageClass { case null, integer, real, text, blob }

    /// The storage class of the column's value in this row.
    public func type(_ index: Int32) -> StorageClass {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    /// How many columns the row has.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The name of a column as the statement gives it.
    public func columnName(_ index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }
}

/// SQLite's "copy this buffer now" destructor, which the C macro expresses as a cast of -1.
let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
