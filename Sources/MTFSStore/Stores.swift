import MTFSDomain

// The SQLite ledger's parts (issue #29). `Ledger` is the connection: opening, migrating,
// transactions, snapshots and bulk writes. What is stored in it is read and appended through one
// small type per kind of record, each reached from the ledger (`ledger.books`, `ledger.people`):
//
// - ``BookStore``: proposals, the journal's entries and balances, the window — the application
//   layer's store protocol (`BookWrites`);
// - ``JournalStore``: the journal as read back, entry by entry;
// - ``PositionStore``: positions, requirements, slips and deliveries for the reports;
// - ``ReturnStore``: monthly returns, forecasts and service impacts;
// - ``OrganisationStore``: cost centres, where they sit, and their baselines;
// - ``SettingStore``: the ledger's settings;
// - ``SignOffStore``, ``ReminderStore``: sign-offs and reminders sent;
// - ``HolderStore``: the budget holders, by number, with every name each was recorded under;
// - ``PeopleStore``: the portal's users, tokens, sessions and sign-in log (`PeopleWrites`);
// - ``Verifier``: `mtfs verify`;
// - ``RecordChain``: the record chain each write appends to (inside the store only).
//
// Each is a view of the same connection, made when asked for: it holds nothing of its own, so a
// read or write through any of them sees the snapshot or joins the transaction the ledger has open.

/// Proposals, the journal's entries and their balances, and the MTFS window: what the use cases
/// read and append (`BookWrites`).
public struct BookStore: LedgerPart { let ledger: Ledger }

/// The journal read back: entries with their postings, in order, filtered.
public struct JournalStore: LedgerPart { let ledger: Ledger }

/// What the reports read of the books: each proposal-year's position, the requirement, slips and
/// deliveries.
public struct PositionStore: LedgerPart { let ledger: Ledger }

/// Monthly returns as recorded line by line, forecasts, and the service impacts identified and
/// observed.
public struct ReturnStore: LedgerPart { let ledger: Ledger }

/// Cost centres, where each sits in the organisation from which date, and their net budgets.
public struct OrganisationStore: LedgerPart { let ledger: Ledger }

/// The ledger's settings, each change appended.
public struct SettingStore: LedgerPart { let ledger: Ledger }

/// Budget holders' sign-offs of their statements.
public struct SignOffStore: LedgerPart { let ledger: Ledger }

/// Reminders sent (or that failed to send).
public struct ReminderStore: LedgerPart { let ledger: Ledger }

/// The portal's people: users, API tokens, sessions and the sign-in log (`PeopleWrites`).
public struct PeopleStore: LedgerPart { let ledger: Ledger }

/// The budget holders the ledger knows: the number each was issued and every name they had.
public struct HolderStore: LedgerPart { let ledger: Ledger }

/// `mtfs verify`: every check of the books, the record chain and the file.
public struct Verifier: LedgerPart { let ledger: Ledger }

/// The record chain every fact is appended to (SPEC §3.2).
struct RecordChain: LedgerPart { let ledger: Ledger }

/// A view of the ledger's connection: reads see the snapshot, and writes join the transaction, the
/// ledger has open.
protocol LedgerPart {
    var ledger: Ledger { get }
}

extension LedgerPart {
    var db: Database { ledger.db }
}

extension Ledger {
    public var books: BookStore { BookStore(ledger: self) }
    public var journal: JournalStore { JournalStore(ledger: self) }
    public var positions: PositionStore { PositionStore(ledger: self) }
    public var returns: ReturnStore { ReturnStore(ledger: self) }
    public var organisation: OrganisationStore { OrganisationStore(ledger: self) }
    public var settings: SettingStore { SettingStore(ledger: self) }
    public var signOffs: SignOffStore { SignOffStore(ledger: self) }
    public var reminders: ReminderStore { ReminderStore(ledger: self) }
    public var people: PeopleStore { PeopleStore(ledger: self) }
    public var holders: HolderStore { HolderStore(ledger: self) }
    public var verifier: Verifier { Verifier(ledger: self) }
    var chain: RecordChain { RecordChain(ledger: self) }
}

/// What one connection may remember between statements. Accounts and proposals are append-only,
/// so a row once read never changes: they are kept until a transaction rolls back (its inserts
/// are gone). The rest is trusted only inside one write transaction, when no other writer can move
/// it, and forgotten at its start and end.
struct WriteCache {
    var accountIDs = AccountIndex()
    var proposals: [ProposalRef: Proposal] = [:]
    /// Proposals added in the open transaction: every account they have is in `accountIDs`.
    var newProposals: Set<ProposalRef> = []
    var window: YearRange??
    var balances = AccountBalances()
    var chainTip: (id: Int64, hash: String)?
    /// The chain's head inside a write transaction (see ``Ledger/head()``).
    var recordTip: (count: Int64, hash: [UInt8])?
    /// The latest period of any entry on each proposal read so far, so a movement dated at or
    /// after it needs no check of the periods before (``BookStore/checkHistory``).
    var latestPeriods: [ProposalRef: Int] = [:]
    /// The latest period of the return lines recorded in the transaction for each year of a
    /// proposal added in it (such a proposal has no other return lines).
    var newReturnPeriods: [ProposalYear: Int] = [:]
    /// The holder register as last read or written, with the largest row id it had then
    /// (``HolderStore/register()``): the table is append-only, so it stands while that id does.
    var holders: (lastRow: Int64, register: HolderRegister)?
    /// Whether `holders` was found current inside the open transaction (its snapshot, or its write
    /// lock, holds it so: a bulk write's every proposal is spared the query).
    var holdersChecked = false
    /// The id the next row of each table counted here gets (``Ledger/insertReturningID(_:_:_:)``).
    var nextIDs: [String: Int64] = [:]

    /// Forgets what only one transaction may trust.
    mutating func forgetTransaction() {
        recordTip = nil
        latestPeriods.removeAll()
        newReturnPeriods.removeAll()
        balances.removeAll()
        newProposals.removeAll()
        chainTip = nil
        window = nil
        holdersChecked = false
        nextIDs.removeAll()
    }

    /// Forgets everything: a rolled-back transaction's rows are gone.
    mutating func forgetAll() {
        accountIDs.removeAll()
        proposals.removeAll()
        holders = nil
        forgetTransaction()
    }
}
