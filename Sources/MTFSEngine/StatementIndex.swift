import MTFSDomain
import MTFSStore

/// The statements index: one line per holder saying how their own proposals stand and whether the
/// statement was signed, so finance sees at a glance whom to chase.
public struct StatementIndex: Sendable, Encodable {
    public struct Entry: Sendable, Hashable, Encodable {
        public var holder: String
        public var directorates: [String]
        /// How many proposals the holder owns, and their totals this year.
        public var proposals: Int
        public var currentTarget: Pence
        public var profiled: Pence
        public var delivered: Pence
        public var variance: Pence { delivered - profiled }
        /// Whether the variance is behind beyond tolerance (what a page shows in red).
        public var behind: Bool
        /// The owned proposals by their latest RAG (`unrated` when no return gave one).
        public var blue = 0, green = 0, amber = 0, red = 0, unrated = 0
        public var findings: Int
        /// `signed`, `changed since signed` or `not signed`.
        public var signOffStatus: String
        /// The holder's statement files' name, without the extension.
        public var file: String
        /// The holder's directorates that have not returned for the month yet (their variance is
        /// against a profile the missing return may still meet).
        public var awaitingReturns: [String]

        public init(_ s: HolderStatement, file: String) {
            self.file = file
            awaitingReturns = s.awaitingReturns
            holder = s.holder
            directorates = s.directorates
            proposals = s.owned.count
            currentTarget = s.totals.currentTarget
            profiled = s.totals.profiled
            delivered = s.totals.delivered
            behind = s.totals.behind
            findings = s.findings.count
            for line in s.owned {
                switch line.rag {
                case .blue: blue += 1
                case .green: green += 1
                case .amber: amber += 1
                case .red: red += 1
                case nil: unrated += 1
                }
            }
            switch s.signature {
            case .notSigned: signOffStatus = "not signed"
            case .signed: signOffStatus = "signed"
            case .changed: signOffStatus = "changed since signed"
            }
        }

        private enum Keys: String, CodingKey {
            case holder, file, directorates, proposals, current_target_pence, profiled_pence, delivered_pence, variance_pence, rag, findings,
                sign_off_status, awaiting_returns
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(holder, forKey: .holder)
            try c.encode(file, forKey: .file)
            try c.encode(directorates, forKey: .directorates)
            try c.encode(proposals, forKey: .proposals)
            try c.encode(currentTarget, forKey: .current_target_pence)
            try c.encode(profiled, forKey: .profiled_pence)
            try c.encode(delivered, forKey: .delivered_pence)
            try c.encode(variance, forKey: .variance_pence)
            try c.encode(["blue": blue, "green": green, "amber": amber, "red": red, "unrated": unrated], forKey: .rag)
            try c.encode(findings, forKey: .findings)
            try c.encode(signOffStatus, forKey: .sign_off_status)
            try c.encode(awaitingReturns, forKey: .awaiting_returns)
        }
    }

    public var period: Period
    public var head: ChainHead
    public var entries: [Entry] = []

    public init(period: Period, head: ChainHead) {
        self.period = period
        self.head = head
    }

    /// Adds a holder's line (statements are made and written one at a time); `file` is the name
    /// their statement files were written under, without the extension.
    public mutating func add(_ statement: HolderStatement, file: String) { entries.append(Entry(statement, file: file)) }

    private enum Keys: String, CodingKey { case period, head, holders }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(period, forKey: .period)
        try c.encode(head, forKey: .head)
        try c.encode(entries, forKey: .holders)
    }
}
