/// One recorded entry with its postings, as the journal shows it: the content its hash covers,
/// the hash itself and the link to the entry before. `entry.kind`, `entry.postings`, … read the content.
@dynamicMemberLookup
public struct JournalEntry: Hashable, Sendable {
    /// What the hash covers.
    public var content: EntryContent
    public var prevHash: String
    public var hash: String
    /// Whom the entry was recorded for (`--as`), beside `actor`, the login that recorded it. Not
    /// in the entry's own hash (it came with schema 5); its record in the record chain covers it.
    public var onBehalfOf: String?

    public subscript<T>(dynamicMember field: WritableKeyPath<EntryContent, T>) -> T {
        get { content[keyPath: field] }
        set { content[keyPath: field] = newValue }
    }

    /// The amount moved: the sum of the entry's positive legs.
    public var amount: Pence { content.postings.filter { !$0.amount.isNegative }.reduce(.zero) { $0 + $1.amount } }
    /// The amount as the journal shows it: an approval of savings falling out (a negative target,
    /// SPEC §5 v3) is negative — a pressure, not a saving; every other entry is its amount.
    public var shownAmount: Pence {
        guard content.kind == .approve else { return amount }
        return content.postings.filter { $0.account.kind == .planned }.reduce(.zero) { $0 + $1.amount }
    }
    /// The period of the effective date.
    public var period: Period { content.effective.period }

    public init(content: EntryContent, prevHash: String, hash: String, onBehalfOf: String?) {
        self.content = content
        self.prevHash = prevHash
        self.hash = hash
        self.onBehalfOf = onBehalfOf
    }
}

/// Which entries the journal lists; nil means any.
public struct JournalFilter: Sendable {
    public var proposal: ProposalRef?
    public var directorate: String?
    public var period: Period?
    public var kind: EntryKind?
    public var year: FinancialYear?
    public var asOf: Period?
    public init(
        proposal: ProposalRef? = nil, directorate: String? = nil, period: Period? = nil, kind: EntryKind? = nil,
        year: FinancialYear? = nil, asOf: Period? = nil
    ) {
        self.proposal = proposal
        self.directorate = directorate
        self.period = period
        self.kind = kind
        self.year = year
        self.asOf = asOf
    }
}

/// A slip as the reconciliation sees it.
public struct SlipRecord: Hashable, Sendable {
    public var entry: Int64
    public var proposal: ProposalRef
    public var from: FinancialYear
    public var to: FinancialYear
    public var amount: Pence
    public var effective: CivilDate
    public var reason: String

    public init(entry: Int64, proposal: ProposalRef, from: FinancialYear, to: FinancialYear, amount: Pence, effective: CivilDate, reason: String) {
        self.entry = entry
        self.proposal = proposal
        self.from = from
        self.to = to
        self.amount = amount
        self.effective = effective
        self.reason = reason
    }
}
