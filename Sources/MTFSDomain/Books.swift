/// What the application layer asks of a ledger store (issue #29): reads that see one snapshot, and
/// appends inside one transaction. The SQLite store (`MTFSStore.Ledger`) implements it; a
/// PostgreSQL store will implement the same.
///
/// No rule of the books lives behind it. The use cases (`MTFSEngine/Application`) read what a rule
/// needs, decide, plan the postings and append. A store keeps only its own guards, which refuse what
/// the rules already refuse and what `verify` proves:
/// - every entry balances;
/// - the record chain links each fact to the one before;
/// - no account is left wrong as at any period.
public protocol BookReads {
    /// The years the ledger covers, or nil before any are set.
    func window() throws -> YearRange?
    /// The proposal with exactly this ref, or nil.
    func proposal(_ ref: ProposalRef) throws -> Proposal?
    /// The ref of the proposal `ref` names allowing for case and spacing, or nil.
    func ref(matching ref: ProposalRef) throws -> ProposalRef?
    /// Balances now, by account (zero for an account never posted to).
    func balances(_ keys: [AccountKey]) throws -> [AccountKey: Pence]
    /// A proposal's balance in one state and year now, across its cost centres.
    func balance(of ref: ProposalRef, _ kind: AccountKind, _ year: FinancialYear) throws -> Pence
    /// The same as at the end of `period`.
    func balance(of ref: ProposalRef, _ kind: AccountKind, _ year: FinancialYear, asAt period: Period) throws -> Pence
    /// A proposal's balances now, by year and state (planned, delivered, unachievable), across its
    /// cost centres; a year or state never posted to is absent.
    func yearBalances(of ref: ProposalRef) throws -> [FinancialYear: [AccountKind: Pence]]
    /// One entry of the journal, or nil.
    func entry(_ id: Int64) throws -> JournalEntry?
    /// The entry that reversed entry `id`, or nil.
    func reversal(of id: Int64) throws -> Int64?
    /// Where a cost centre has sat, from when it was set up (empty for an unknown one).
    func operatingModel(of costCentre: CostCentreCode) throws -> OperatingModel
    /// How the ledger first spelled a fund or a portfolio equal to `name` but for case, or a
    /// holder equal to it but for case and spacing; nil when it has none.
    func spelling(of name: String, as kind: NameKind) throws -> String?
    /// The code of the cost centre `code` names allowing for case and spacing, as the ledger spells
    /// it, or nil.
    func costCentre(matching code: CostCentreCode) throws -> CostCentreCode?
}

/// The names the ledger keeps one spelling of, however a later return or pack capitalises them.
public enum NameKind: Sendable {
    case fund, portfolio
    /// A budget holder, as an assignment or a proposal's owner names them.
    case holder
}

/// A store inside a write: it reads as ``BookReads`` and appends.
public protocol BookWrites: BookReads {
    /// Runs `body` so that all it appends lands together or not at all.
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// Appends one entry to the journal and the record chain, and returns its id. The store refuses
    /// only what breaks its guards (an unbalanced entry, one dated outside the window, one that
    /// leaves an account wrong as at some period).
    func append(_ entry: NewEntry, by who: Provenance) throws -> Int64
    /// Adds a proposal (no targets yet: each is an approval appended after it) and returns it as
    /// stored.
    func insert(_ proposal: Proposal, by who: Provenance) throws -> Proposal
    /// Sets a proposal-year's delivered to date as at the end of `period`, and nothing after it: the
    /// change is posted at the period's end and undone at the next return's period end (a
    /// prior-period correction). Returns the change posted.
    func postDelivered(ref: ProposalRef, year: FinancialYear, change: Pence, asAt period: Period, reason: String, by who: Provenance) throws -> Pence
    /// Appends a forecast for a proposal-year as at a period.
    func insertForecast(
        ref: ProposalRef, year: FinancialYear, period: Period, forecast: Pence, rag: RAG, comment: String, status: StatusMoney?, by who: Provenance
    ) throws
    /// Appends where a cost centre sits from a date (refusing an unknown cost centre, or a second
    /// change on one day).
    func insert(_ assignment: Assignment, by who: Provenance) throws
    /// Appends a cost centre, where it sits from its first assignment, and its baselines (refusing a
    /// code already taken).
    func insert(_ costCentre: CostCentre, assignment: Assignment, baselines: [FinancialYear: Pence], by who: Provenance) throws
    /// Records the window's first and last years.
    func recordWindow(_ range: YearRange, by who: Provenance) throws
    /// Appends a cost centre's net budget for a year (refusing a second for the same year).
    func insertBaseline(costCentre: CostCentreCode, year: FinancialYear, netBudget: Pence, by who: Provenance) throws
    /// Appends a line of a monthly return unless the latest line for the proposal, year and period
    /// already says the same; returns whether it was appended.
    func insertReturnLine(
        ref: ProposalRef, year: FinancialYear, period: Period, deliveredToDate: Pence, deliveredBlank: Bool, forecast: Pence?, rag: RAG?,
        status: StatusMoney?, comment: String, impact: ObservedImpact?, by who: Provenance
    ) throws -> Bool
    /// Appends a service impact identified when a saving was risk-assessed.
    func insertImpact(_ impact: IdentifiedImpact, by who: Provenance) throws
}

/// What the application layer asks of a store about the people who sign in (SPEC §10): each change
/// appended to the user's chained history and the sign-in log. The rules (a user's fields, who may
/// have a token) are the use cases' (`MTFSEngine/Application/People.swift`).
public protocol PeopleWrites {
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// The user `login` as they stand, or nil.
    func user(_ login: String) throws -> PortalUser?
    /// Appends a new user (refusing a login already taken, whatever its case).
    func insertUser(_ user: PortalUser, passwordHash: String, by actor: String, onBehalfOf: String?, at time: Int64, recordedAt: String) throws
    /// Appends a user's new email address, or its removal.
    func recordEmail(_ login: String, _ email: String?, by actor: String, onBehalfOf: String?, at time: Int64) throws
    /// Appends an API token, by its hash.
    func insertToken(login: String, tokenHash: String, by actor: String, onBehalfOf: String?, at time: Int64, recordedAt: String) throws
}

/// The budget holders a store knows (the holder register) and what the use cases append to it.
public protocol HolderWrites {
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// Every holder, with the number the ledger issued and every name recorded for them.
    func register() throws -> HolderRegister
    /// Appends that `holder` now goes by `name`.
    func rename(_ holder: HolderRegister.Holder, to name: String, by who: Provenance) throws
}

/// An entry the application layer has decided on, before the store numbers and chains it.
public struct NewEntry: Hashable, Sendable {
    public var kind: EntryKind
    public var proposal: ProposalRef
    public var year: FinancialYear
    public var toYear: FinancialYear?
    public var effective: CivilDate
    public var reason: String
    public var reverses: Int64?
    public var postings: [Posting]

    public init(
        kind: EntryKind, proposal: ProposalRef, year: FinancialYear, toYear: FinancialYear? = nil, effective: CivilDate, reason: String,
        reverses: Int64? = nil, postings: [Posting]
    ) {
        self.kind = kind
        self.proposal = proposal
        self.year = year
        self.toYear = toYear
        self.effective = effective
        self.reason = reason
        self.reverses = reverses
        self.postings = postings
    }

    /// The proposal's years the postings touch: what a backdated entry may have made wrong.
    public var years: [FinancialYear] { Array(Set(postings.compactMap { $0.account.proposal == nil ? nil : $0.account.year })).sorted() }
}

extension BookReads {
    /// The proposal, or a refusal naming the unknown ref.
    public func requireProposal(_ ref: ProposalRef) throws -> Proposal {
        guard let p = try proposal(ref) else { throw LedgerError.notFound("unknown proposal ref \(ref)") }
        return p
    }

    /// The ref as the ledger spells it when `ref` names one allowing for case and spacing, else `ref`
    /// itself (whose use is then refused as unknown, naming it as typed).
    public func resolve(_ ref: ProposalRef) throws -> ProposalRef { try self.ref(matching: ref) ?? ref }

    /// The window, or a refusal telling the user how to set one.
    public func requireWindow() throws -> YearRange { try YearRange.required(window()) }

    /// The cost centre `code` names, as the ledger spells it (`peo-csc-0412` is PEO-CSC-0412), or a
    /// refusal naming the unknown code.
    @discardableResult
    public func requireCostCentre(_ code: CostCentreCode) throws -> CostCentreCode {
        guard let known = try costCentre(matching: code) else { throw LedgerError.notFound("unknown cost centre \(code)") }
        return known
    }

    /// The holder as the ledger first spelled them (`helen  brandt` is Helen Brandt, not a second
    /// holder), else as given, trimmed.
    public func spelled(_ holder: HolderID) throws -> HolderID {
        let trimmed = holder.rawValue.trimmingSpaces()
        return HolderID(try spelling(of: trimmed, as: .holder) ?? trimmed)
    }

    /// Refuses a year outside the window.
    public func checkInWindow(_ year: FinancialYear) throws { try requireWindow().check(year) }

    /// Refuses a return or forecast for a period outside the MTFS years.
    public func checkPeriodInWindow(_ period: Period) throws {
        let window = try requireWindow()
        guard window.contains(period.year) else { throw LedgerError.refused("\(period) is outside the ledger's MTFS years \(window)") }
    }

    /// A proposal's target for a year now: planned + delivered, what was approved less what slipped
    /// out or was written off. A year where its saving falls out is negative.
    public func target(of ref: ProposalRef, _ year: FinancialYear) throws -> Pence {
        try balance(of: ref, .planned, year) + balance(of: ref, .delivered, year)
    }

    /// What was approved for each year and not slipped out: planned + delivered + unachievable.
    public func approved(of ref: ProposalRef) throws -> [FinancialYear: Pence] {
        try yearBalances(of: ref).mapValues { $0.values.reduce(.zero, +) }
    }
}

extension Movement {
    /// The only accounts a movement draws on: planned in its year (delivered for a reduction), on
    /// each of the proposal's cost centres; none for an approval.
    public func drawnAccounts(on proposal: Proposal) -> [AccountKey] {
        let source: AccountKind? =
            switch self {
            case .approve: nil
            case .reduce: .delivered
            default: .planned
            }
        return source.map { kind in proposal.costCentres.map { AccountKey.proposal(proposal.ref, kind, year, $0.costCentre) } } ?? []
    }
}

extension YearRange {
    /// The ledger's window, or a refusal saying how to set one.
    public static func required(_ window: YearRange?) throws(LedgerError) -> YearRange {
        guard let window else { throw LedgerError.refused("the ledger has no MTFS years yet; run `mtfs init --years 2023/24..2025/26` first") }
        return window
    }

    /// Refuses a year outside the window.
    public func check(_ year: FinancialYear) throws(LedgerError) {
        guard contains(year) else { throw LedgerError.refused("\(year) is outside the ledger's MTFS years \(self)") }
    }
}
