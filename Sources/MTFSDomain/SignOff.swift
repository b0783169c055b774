/// A budget holder's sign-off of a monthly statement: who signed (the login or portal user, and
/// whom for), the chain head the statement was made from, and the figures it showed.
public struct SignOff: Hashable, Sendable {
    public var id: Int64 = 0
    public var holder: HolderID
    public var period: Period
    public var signedBy: String
    public var signedAt: String
    public var comment: String
    /// The `--as` name the sign-off was recorded for, beside `signedBy`.
    public var onBehalfOf: String? = nil
    /// The head of the record chain the signed statement was made from (none before schema 5).
    public var head: ChainHead? = nil
    /// The statement's figures as signed, in ``StatementFigures``' text form (none before schema 5).
    public var figures: String? = nil

    public init(
        holder: HolderID, period: Period, signedBy: String, signedAt: String, comment: String, onBehalfOf: String? = nil,
        head: ChainHead? = nil, figures: String? = nil
    ) {
        self.holder = holder
        self.period = period
        self.signedBy = signedBy
        self.signedAt = signedAt
        self.comment = comment
        self.onBehalfOf = onBehalfOf
        self.head = head
        self.figures = figures
    }

    /// "login", or "login for NAME".
    public var signer: String { Provenance.display(actor: signedBy, onBehalfOf: onBehalfOf) }
}
