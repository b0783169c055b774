/// The state an amount of a proposal's saving is in, or the MTFS requirement it came from.
public enum AccountKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// The MTFS savings requirement for a year (one account per year; its balance is minus what was approved).
    case requirement
    /// Target still to be delivered.
    case planned
    /// Saving evidenced as achieved.
    case delivered
    /// Target written off as not deliverable.
    case unachievable

    public static func < (a: AccountKind, b: AccountKind) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .requirement: 0
        case .planned: 1
        case .delivered: 2
        case .unachievable: 3
        }
    }
}

/// An account: the MTFS requirement for a year, or a proposal's amount in one state, year and cost centre.
public struct AccountKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var kind: AccountKind
    public var year: FinancialYear
    public var proposal: ProposalRef?
    public var costCentre: CostCentreCode?

    /// The MTFS requirement account for a year.
    public static func requirement(_ year: FinancialYear) -> AccountKey {
        AccountKey(kind: .requirement, year: year, proposal: nil, costCentre: nil)
    }

    /// A proposal's account in a state, year and cost centre.
    public static func proposal(_ ref: ProposalRef, _ kind: AccountKind, _ year: FinancialYear, _ costCentre: CostCentreCode) -> AccountKey {
        AccountKey(kind: kind, year: year, proposal: ref, costCentre: costCentre)
    }

    public init(kind: AccountKind, year: FinancialYear, proposal: ProposalRef?, costCentre: CostCentreCode?) {
        self.kind = kind
        self.year = year
        self.proposal = proposal
        self.costCentre = costCentre
    }

    public static func < (a: AccountKey, b: AccountKey) -> Bool {
        (a.proposal?.rawValue ?? "", a.year, a.costCentre?.rawValue ?? "", a.kind) < (b.proposal?.rawValue ?? "", b.year, b.costCentre?.rawValue ?? "", b.kind)
    }

    /// `mtfs:2023/24:requirement` or `PEO-07:2023/24:PEO-CSC-0412:planned`: the account's name in the hash.
    public var description: String {
        if let proposal, let costCentre { return "\(proposal):\(year):\(costCentre):\(kind.rawValue)" }
        return "mtfs:\(year):\(kind.rawValue)"
    }

    /// Whether a balance is the right sign for this kind. Delivered and unachievable accounts hold
    /// what is in that state, never less than nothing. A planned account holds what is still to be
    /// delivered, below zero when more was delivered than planned (over-delivery) or when the year's
    /// target is a saving falling out; a requirement account holds minus the year's net approvals,
    /// above zero in a year whose fall-outs outweigh its new savings (SPEC §5 v3).
    public func allows(_ balance: Pence) -> Bool {
        switch kind {
        case .requirement, .planned: true
        case .delivered, .unachievable: balance.rawValue >= 0
        }
    }
}

/// An amount posted to an account. Postings of an entry sum to zero; "from" is negative, "to" positive.
public struct Posting: Hashable, Sendable, Codable {
    public var account: AccountKey
    public var amount: Pence
    public init(_ account: AccountKey, _ amount: Pence) {
        self.account = account
        self.amount = amount
    }
}

/// The kinds of entry (SPEC §3 movements).
public enum EntryKind: String, Sendable, Codable, CaseIterable {
    case approve
    case deliver
    case reduce
    case slip
    case unachievable
    case reverse

    /// Reads a kind for filters; also accepts the longer names users type.
    public init(parsing text: String) throws(DomainError) {
        let t = text.trimmingSpaces().lowercased()
        switch t {
        case "approve", "approval": self = .approve
        case "deliver", "delivery": self = .deliver
        case "reduce", "reduce-delivery", "reduction": self = .reduce
        case "slip", "slippage": self = .slip
        case "unachievable", "write-off", "writeoff": self = .unachievable
        case "reverse", "reversal": self = .reverse
        default:
            throw DomainError.invalid("expected a kind of approve, deliver, reduce, slip, unachievable or reverse, found \"\(text)\"")
        }
    }
}

/// A change to a proposal's savings position, before it becomes postings.
public enum Movement: Hashable, Sendable {
    /// MTFS requirement, Y → proposal, Y, planned (split over its cost centres).
    case approve(year: FinancialYear, amount: Pence)
    /// Planned → delivered.
    case deliver(year: FinancialYear, amount: Pence)
    /// Delivered → planned (a previously logged delivery reduced).
    case reduce(year: FinancialYear, amount: Pence)
    /// Planned, Y → planned, Z (Z later than Y).
    case slip(from: FinancialYear, to: FinancialYear, amount: Pence)
    /// Planned → unachievable.
    case unachievable(year: FinancialYear, amount: Pence)

    /// The entry kind it records as.
    public var kind: EntryKind {
        switch self {
        case .approve: .approve
        case .deliver: .deliver
        case .reduce: .reduce
        case .slip: .slip
        case .unachievable: .unachievable
        }
    }

    /// The year it concerns (the year slipped from).
    public var year: FinancialYear {
        switch self {
        case .approve(let y, _), .deliver(let y, _), .reduce(let y, _), .unachievable(let y, _): y
        case .slip(let y, _, _): y
        }
    }

    /// The year slipped to.
    public var toYear: FinancialYear? {
        if case .slip(_, let to, _) = self { return to }
        return nil
    }

    /// The amount moved.
    public var amount: Pence {
        switch self {
        case .approve(_, let a), .deliver(_, let a), .reduce(_, let a), .unachievable(_, let a), .slip(_, _, let a): a
        }
    }
}

/// Turns movements into balanced postings against the current balances, refusing what SPEC §3 forbids.
public enum PostingPlanner {
    /// The postings for `movement` on `proposal`, given each account's current balance.
    ///
    /// Amounts taken out of a state are split over the proposal's cost centres in proportion to what
    /// each holds in that state, so no account ever goes below zero.
    public static func postings(
        for movement: Movement, proposal: Proposal,
        balance: (AccountKey) -> Pence
    ) throws(LedgerError) -> [Posting] {
        let ref = proposal.ref
        let amount = movement.amount
        // Only an approval may be negative: a saving falling out of a later year (SPEC §5 v3).
        if case .approve = movement {
            guard !amount.isZero else { throw LedgerError.refused("the amount must not be £0.00") }
        } else {
            guard amount.rawValue > 0 else { throw LedgerError.refused("the amount must be more than £0.00, found \(amount)") }
        }
        let centres = proposal.costCentres.map(\.costCentre)

        /// Takes `amount` out of a state, split over the cost centres in proportion to what each
        /// holds there (none is taken below zero); with `excess`, what is more than they hold is
        /// taken too, split by the proposal's shares (over-delivery).
        func take(
            _ kind: AccountKind, _ year: FinancialYear, into targetKind: AccountKind, _ targetYear: FinancialYear, excess: Bool = false,
            shortfall: (Pence) -> String
        ) throws(LedgerError) -> [Posting] {
            let held = centres.map { max(Pence.zero, balance(.proposal(ref, kind, year, $0))) }
            let total = held.reduce(Pence.zero, +)
            guard amount <= total || excess else { throw LedgerError.refused(shortfall(total)) }
            var parts = min(amount, total).allocate(weights: held.map(\.rawValue), caps: held)
            if amount > total {
                for (index, part) in CostCentreShare.split(amount - total, over: proposal.costCentres).enumerated() { parts[index] += part }
            }
            var postings: [Posting] = []
            for (index, part) in parts.enumerated() where !part.isZero {
                postings.append(Posting(.proposal(ref, kind, year, centres[index]), -part))
                postings.append(Posting(.proposal(ref, targetKind, targetYear, centres[index]), part))
            }
            return postings
        }

        switch movement {
        case .approve(let year, _):
            // A negative target (a saving falling out) is split as its size would be, and signed.
            let parts = CostCentreShare.split(amount.magnitude, over: proposal.costCentres).map { amount.isNegative ? Pence.zero - $0 : $0 }
            var postings = [Posting(.requirement(year), Pence.zero - amount)]
            for (index, part) in parts.enumerated() where !part.isZero {
                postings.append(Posting(.proposal(ref, .planned, year, centres[index]), part))
            }
            return postings
        case .deliver(let year, _):
            // Delivery beyond what is still planned is over-delivery, accepted (SPEC §5 v3): the
            // planned account goes below zero by the excess.
            return try take(.planned, year, into: .delivered, year, excess: true) { _ in "" }
        case .reduce(let year, _):
            return try take(.delivered, year, into: .planned, year) {
                "cannot reduce delivery on \(ref) in \(year) by \(amount): only \($0) has been delivered"
            }
        case .slip(let from, let to, _):
            guard to > from else {
                throw LedgerError.refused("cannot slip \(ref) from \(from) to \(to): a slip must move target to a later year")
            }
            return try take(.planned, from, into: .planned, to) {
                "cannot slip \(amount) of \(ref) from \(from): only \($0) of its target is still planned"
            }
        case .unachievable(let year, _):
            return try take(.planned, year, into: .unachievable, year) {
                "cannot write off \(amount) of \(ref) in \(year) as unachievable: only \($0) of its target is still planned"
            }
        }
    }

    /// The mirror of an entry's postings, refused when it would leave an account with the wrong sign
    /// (for example reversing an approval after part of it was delivered).
    public static func reversal(
        of postings: [Posting], entry: Int64,
        balance: (AccountKey) -> Pence
    ) throws(LedgerError) -> [Posting] {
        let mirror = postings.map { Posting($0.account, -$0.amount) }
        // A reversal may not make a state negative, nor take a planned account below zero (only a
        // delivery can over-deliver; reversing an approval after delivery is refused).
        for posting in mirror
        where !posting.account.allows(balance(posting.account) + posting.amount)
            || (posting.account.kind == .planned && posting.amount.isNegative && (balance(posting.account) + posting.amount).isNegative)
        {
            throw LedgerError.refused(
                "cannot reverse entry \(entry): account \(posting.account) holds only \(balance(posting.account).magnitude); reverse the later entries that used it first"
            )
        }
        return mirror
    }
}

/// Why the ledger refused an operation or found itself broken.
public enum LedgerError: KindedError, Equatable, Sendable {
    /// An operation that would break a rule of SPEC §3.
    case refused(String)
    /// One named field of what was given is not acceptable (`title`, `budget holder`): refused, and
    /// each face may say where the field is (a pack's column, a workbook's cell).
    case badField(String, String)
    /// It names a proposal, cost centre, entry or ledger that does not exist.
    case notFound(String)
    /// It would add what already exists, or reverse what was already reversed.
    case conflict(String)
    /// The ledger file fails its own checks.
    case integrity(String)
    /// The file cannot be used as a ledger: not an mtfs ledger, unreadable, unwritable.
    case unusable(String)

    /// The sentence for the user.
    public var explanation: String {
        switch self {
        case .refused(let s), .badField(_, let s), .notFound(let s), .conflict(let s), .integrity(let s), .unusable(let s): s
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .refused, .badField: .refused
        case .notFound: .notFound
        case .conflict: .conflict
        case .integrity: .integrity
        case .unusable: .unusable
        }
    }
}

/// The fields of an entry that its hash covers.
public struct EntryContent: Hashable, Sendable {
    public var id: Int64
    public var kind: EntryKind
    public var proposal: ProposalRef
    public var year: FinancialYear
    public var toYear: FinancialYear?
    public var effective: CivilDate
    public var recordedAt: String
    public var actor: String
    public var reason: String
    public var source: String
    public var reverses: Int64?
    public var postings: [Posting]

    public init(
        id: Int64, kind: EntryKind, proposal: ProposalRef, year: FinancialYear, toYear: FinancialYear?,
        effective: CivilDate, recordedAt: String, actor: String, reason: String, source: String,
        reverses: Int64?, postings: [Posting]
    ) {
        self.id = id
        self.kind = kind
        self.proposal = proposal
        self.year = year
        self.toYear = toYear
        self.effective = effective
        self.recordedAt = recordedAt
        self.actor = actor
        self.reason = reason
        self.source = source
        self.reverses = reverses
        self.postings = postings
    }

    /// The hash of the chain before the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// SHA-256 over every field, the postings in account order, and the previous entry's hash.
    /// Fields are length-prefixed so no choice of text can make two entries hash alike.
    /// The bytes are `count:field` for each field, joined by `|` (built directly: `verify` hashes
    /// every entry of the ledger).
    public func hash(previous: String) -> String {
        var input = EntryHashInput()
        input.reserve(256 + 96 * postings.count)
        // The field order is the hash format: `Ledger.verify` writes the same fields from the stored bytes.
        input.field(EntryHashInput.version)
        input.field(id)
        input.field(kind.rawValue)
        input.field(proposal.rawValue)
        input.field(year.description)
        input.field(toYear?.description ?? "")
        input.field(effective.description)
        input.field(recordedAt)
        input.field(actor)
        input.field(reason)
        input.field(source)
        input.field(reverses)
        for posting in postings.sorted(by: { $0.account < $1.account }) {
            input.account(posting.account)
            input.field(posting.amount.rawValue)
        }
        input.field(previous)
        return SHA256.hex(bytes: input.bytes)
    }
}

/// The bytes an entry's hash is taken over: `count:field` for each field (the count in bytes, in
/// decimal), joined by `|`, so no choice of text can make two entries hash alike. Written straight
/// into one buffer: `verify` builds one for every entry of the ledger.
public struct EntryHashInput: Sendable {
    /// The first field of every entry's input.
    public static let version = "mtfs-entry-v1"

    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Empties the buffer, keeping its memory.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    public mutating func field(_ text: String) {
        start(count: text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// A field of raw bytes (text as stored).
    public mutating func field(_ raw: UnsafeRawBufferPointer) {
        start(count: raw.count)
        bytes.appendBytes(raw)
    }

    /// An integer in decimal; nil is the empty field.
    public mutating func field(_ value: Int64?) {
        guard let value else { return start(count: 0) }
        start(count: EntryHashInput.digits(value.magnitude) + (value < 0 ? 1 : 0))
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    /// A posting's account, as `AccountKey.description` names it; `yearName` is `a.year.description`
    /// when the caller has it to hand.
    public mutating func account(_ a: AccountKey, yearName: String? = nil) {
        let year = yearName ?? a.year.description
        if let proposal = a.proposal, let costCentre = a.costCentre {
            start(count: proposal.utf8.count + year.utf8.count + costCentre.utf8.count + a.kind.rawValue.utf8.count + 3)
            bytes.append(contentsOf: proposal.utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: year.utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: costCentre.utf8)
        } else {
            start(count: 4 + year.utf8.count + a.kind.rawValue.utf8.count + 2)
            bytes.append(contentsOf: "mtfs".utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: year.utf8)
        }
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: a.kind.rawValue.utf8)
    }

    /// The separator and `count:`.
    private mutating func start(count: Int) {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: "|")) }
        appendDecimal(UInt64(count))
        bytes.append(UInt8(ascii: ":"))
    }

    /// How many decimal digits `n` has.
    private static func digits(_ n: UInt64) -> Int {
        var count = 1
        var rest = n
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// `n` in decimal digits, most significant first.
    private mutating func appendDecimal(_ n: UInt64) {
        var divisor: UInt64 = 1
        while divisor <= n / 10 { divisor *= 10 }
        var rest = n
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

extension EntryContent {
    /// Whether the postings sum to zero.
    public var isBalanced: Bool { postings.reduce(Int64(0)) { $0 &+ $1.amount.rawValue } == 0 }
}

/// A RAG rating: Blue = delivered in full, Green = on track, Amber = at risk, Red = not achievable this year.
public enum RAG: String, Sendable, Codable, CaseIterable {
    case blue = "B"
    case green = "G"
    case amber = "A"
    case red = "R"

    /// Reads `B/G/A/R` or `Blue/Green/Amber/Red`, any case.
    public init(parsing text: String) throws(DomainError) {
        switch text.trimmingSpaces().lowercased() {
        case "b", "blue": self = .blue
        case "g", "green": self = .green
        case "a", "amber": self = .amber
        case "r", "red": self = .red
        default: throw DomainError.invalid("expected a RAG of B, G, A or R (or Blue, Green, Amber, Red), found \"\(text)\"")
        }
    }

    /// `Blue`, `Green`, `Amber`, `Red`.
    public var name: String {
        switch self {
        case .blue: "Blue"
        case .green: "Green"
        case .amber: "Amber"
        case .red: "Red"
        }
    }
}

/// Who made a change, when, and from where (the command line, or a file and row).
public struct Provenance: Hashable, Sendable {
    /// Who made the record: the operating-system login, or the signed-in user of the portal.
    public var actor: String
    public var recordedAt: String
    public var source: String
    /// The person the record was made for (`--as NAME`), recorded next to the actor, never instead.
    public var onBehalfOf: String?
    public init(actor: String, recordedAt: String, source: String, onBehalfOf: String? = nil) {
        self.actor = actor
        self.recordedAt = recordedAt
        self.source = source
        self.onBehalfOf = onBehalfOf
    }

    /// "login", or "login for NAME" when made on someone's behalf.
    public static func display(actor: String, onBehalfOf: String?) -> String {
        guard let name = onBehalfOf, !name.isEmpty, name != actor else { return actor }
        return "\(actor) for \(name)"
    }
}
