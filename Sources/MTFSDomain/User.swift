/// Someone who signs in to the portal (SPEC §10). The login is the stable id; the name is what
/// pages show; a budget holder is tied to the holder name their statements carry.
public struct PortalUser: Hashable, Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case holder, finance, cfo, admin
        /// A councillor (SPEC §7 v3): reads their Cabinet portfolio's savings, statement, findings
        /// and the members' report; writes nothing.
        case member
    }

    public var login: String
    public var name: String
    public var role: Role
    /// For a `holder`: the budget holder whose statement and proposals are theirs.
    public var holder: HolderID?
    /// For `finance`: the directorate whose returns and statements are theirs.
    public var directorate: String?
    /// For a `member`: the Cabinet portfolio whose savings are theirs to read.
    public var portfolio: String?
    /// Where reminders go (SPEC §11); shown only to the user and administrators.
    public var email: String?
    public var disabled = false

    public init(
        login: String, name: String, role: Role, holder: HolderID? = nil, directorate: String? = nil, portfolio: String? = nil, email: String? = nil, disabled: Bool = false
    ) {
        self.login = login
        self.name = name
        self.role = role
        self.holder = holder
        self.directorate = directorate
        self.portfolio = portfolio
        self.email = email
        self.disabled = disabled
    }

    /// The holder, directorate or portfolio the account is tied to, as given.
    public subscript(tie: AccountTie) -> String? {
        switch tie {
        case .holder: holder?.rawValue
        case .directorate: directorate
        case .portfolio: portfolio
        }
    }

    /// Checks a new user's fields: a login of letters, digits, `.`, `_`, `-` (up to 64), a name,
    /// a holder for a budget holder, a directorate for finance, a portfolio for a member (only),
    /// and any email address. Each refusal names its field, not a command-line flag.
    public func validate() throws(DomainError) {
        let allowed = login.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0) }
        guard !login.isEmpty, login.count <= 64, allowed else {
            throw DomainError.field("login", "expected letters, digits, '.', '_' or '-' (up to 64), found \"\(login)\"")
        }
        guard !name.trimmingSpaces().isEmpty, !name.containsControlCharacters(allowing: []) else { throw DomainError.field("name", "needs the person's name") }
        if name.count > PlainText.nameLimit { throw DomainError.field("name", "is longer than \(PlainText.nameLimit) characters") }
        if name.containsDirectionOverrides {
            throw DomainError.field("name", "contains a character that reverses the direction of text (U+202A–U+202E or U+2066–U+2069); type it without")
        }
        if let problem = name.invisibleProblem { throw DomainError.field("name", problem) }
        // The account's tie (a holder's holder, finance's directorate, a member's portfolio) is the scope policy's.
        if let tie = role.tie, (self[tie] ?? "").trimmingSpaces().isEmpty { throw DomainError.field(tie.rawValue, tie.needed) }
        if let portfolio, portfolio.unicodeScalars.count > 200 || portfolio.containsControlCharacters() {
            throw DomainError.field("portfolio", "expected a portfolio's name of up to 200 characters")
        }
        if let email {
            do { _ = try EmailAddress.check(email) } catch { throw DomainError.field("email", error.explanation) }
        }
        if portfolio != nil && role.tie != .portfolio {
            throw DomainError.field("portfolio", "only a member (a councillor) is scoped to a portfolio; a \(role.rawValue) is not")
        }
    }
}
