/// What one user of the portal may see and do (SPEC §10 and §7 v3): the one place roles are asked
/// about. Every page, download and API route asks its user's scope, never the role itself.
public struct Scope: Sendable {
    public let user: PortalUser

    public init(_ user: PortalUser) { self.user = user }

    /// What a request asks to reach: a page, or the API route or download that serves the same.
    public enum Area: String, Sendable, CaseIterable {
        /// A statement: a holder's own, finance's directorate's, any for the CFO; a member's portfolio's.
        case statement
        /// A budget holder's own return form, history and sign-off.
        case ownReturn, history, signOff
        /// Returns: the board of who has returned, and posting a return file or API lines.
        case board, upload, postReturn
        /// The CFO's views of the whole programme (the summary, the trend, positions for all).
        case summary, trend
        case findings, members, downloads
        /// The people who sign in, and where their reminders go: administrators only.
        case users
    }

    /// Whether the user may reach `area` at all (what they then see is limited by ``sees(_:)``).
    public func may(_ area: Area) -> Bool {
        switch (area, user.role) {
        case (.statement, _): true
        case (.ownReturn, .holder), (.history, .holder), (.signOff, .holder): user.holder != nil
        case (.ownReturn, _), (.history, _), (.signOff, _): false
        case (.board, .finance), (.board, .cfo), (.board, .admin): true
        case (.board, _): false
        case (.upload, .finance), (.upload, .admin): true
        case (.upload, _): false
        case (.postReturn, .holder), (.postReturn, .finance), (.postReturn, .admin): true
        case (.postReturn, _): false
        case (.summary, _), (.trend, _): seesEverything
        case (.findings, .holder), (.members, .holder): false
        case (.findings, _), (.members, _): true
        case (.downloads, .member): true
        case (.downloads, _): seesEverything
        case (.users, .admin): true
        case (.users, _): false
        }
    }

    /// Why not, in a sentence for the person refused.
    public func refusal(_ area: Area) -> String {
        if readsOnly && [.ownReturn, .signOff, .upload, .postReturn].contains(area) { return "A member's account reads only; nothing was changed." }
        return switch area {
        case .statement: "That statement is not yours to see."
        case .ownReturn: "The return form is for budget holders; finance uploads a return on the Upload page."
        case .history: "The history page is a budget holder's own."
        case .signOff: "Only a budget holder signs, and only their own statement."
        case .board: "The returns board is for finance and the CFO."
        case .upload, .postReturn:
            user.role == .holder ? "Uploading a return is for finance; use My return." : "The CFO reads; returns come from holders and finance."
        case .summary, .trend, .downloads: "This page is for the CFO."
        case .findings: "Your findings are on your statement."
        case .members: "The members' report is for councillors, finance and the CFO; your statement is yours."
        case .users: "Managing users is for administrators."
        }
    }

    /// Reads only: a councillor, who may see and never change anything.
    public var readsOnly: Bool { user.role == .member }

    /// Sees every proposal, holder and directorate (the CFO and administrators).
    public var seesEverything: Bool { user.role == .cfo || user.role == .admin }

    /// Whether a proposal is the user's to see (and, if they write, to write to): a holder's own,
    /// finance's directorate's, a member's portfolio's, any for the CFO and administrators.
    public func sees(_ p: Proposal) -> Bool {
        switch user.role {
        case .holder: p.owner == user.holder
        case .finance: p.directorate == user.directorate
        case .member: p.portfolio != nil && p.portfolio == user.portfolio
        case .cfo, .admin: true
        }
    }

    /// Whether a proposal is the user's to change through a return (a member changes nothing).
    public func writes(to p: Proposal) -> Bool { !readsOnly && may(.postReturn) && sees(p) }

    /// Whether `holder`'s statement is theirs to see, given the directorates it covers. A member
    /// sees their portfolio's statement, never a holder's (which covers other portfolios).
    public func seesStatement(of holder: HolderID, directorates: [String]) -> Bool {
        switch user.role {
        case .holder: user.holder == holder
        case .finance: directorates.contains(user.directorate ?? "")
        case .cfo, .admin: true
        case .member: false
        }
    }

    /// The holder whose statement is the user's own (a budget holder's), shown without asking.
    public var ownHolder: HolderID? { user.role == .holder ? user.holder : nil }

    /// The user's statement is their portfolio's (a member's).
    public var portfolio: String? { user.role == .member ? user.portfolio : nil }

    /// The directorate the user's returns, board and findings are limited to (finance's).
    public var directorate: String? { user.role == .finance ? user.directorate : nil }

    /// An unknown holder reads as "not yours" (403), not "not found", for those who would otherwise
    /// learn who exists outside their scope.
    public var hidesUnknownHolders: Bool { user.role == .finance || user.role == .member }

    /// Where the user starts, and what their menu lists (each a path and its label).
    public var home: String { menu.first?.path ?? "/statement" }

    public var menu: [(path: String, label: String)] {
        switch user.role {
        case .holder: [("/statement", "My statement"), ("/return", "My return"), ("/history", "My history")]
        case .member: [("/members", "Members' report"), ("/statement", "Portfolio statement"), ("/findings", "Findings"), ("/downloads", "Downloads")]
        case .finance: [("/board", "Returns board and statements"), ("/upload", "Upload a return"), ("/findings", "Findings"), ("/members", "Members' report")]
        case .cfo:
            [
                ("/summary", "Summary"), ("/findings", "Findings"), ("/trend", "Trend"), ("/board", "Returns board and statements"),
                ("/members", "Members' report"), ("/downloads", "Downloads"),
            ]
        case .admin:
            [
                ("/summary", "Summary"), ("/findings", "Findings"), ("/trend", "Trend"), ("/board", "Returns board and statements"),
                ("/members", "Members' report"), ("/upload", "Upload a return"), ("/downloads", "Downloads"), ("/users", "Users"),
            ]
        }
    }

    /// What the user's views cover, in words ("People", "every directorate").
    public var coverage: String { directorate ?? "every directorate" }

    // MARK: - Who answers for what (reminders, the returns board)

    /// A budget holder's own account: their return and sign-off reminders go to it.
    public func isAccount(of holder: HolderID) -> Bool { user.role == .holder && user.holder == holder }

    /// A finance business partner of any of `directorates`: named in their holders' reminders.
    public func partners(any directorates: [String]) -> Bool {
        user.role == .finance && user.directorate.map { directorates.contains($0) } == true
    }

    /// The CFO: told of the findings in the digest, and named where a directorate has no partner.
    public var isCFO: Bool { user.role == .cfo }
}

extension PortalUser {
    /// This user's scope: what they may see and do.
    public var scope: Scope { Scope(self) }
}

/// What an account is tied to, by its role (SPEC §10): the budget holder whose statements are a
/// holder's, the directorate whose returns are a finance partner's, the Cabinet portfolio a
/// member reads.
public enum AccountTie: String, Sendable, CaseIterable {
    case holder, directorate, portfolio

    /// The role whose accounts have this tie, as a sentence names it.
    public var role: String {
        switch self {
        case .holder: "a holder"
        case .directorate: "a finance user"
        case .portfolio: "a member"
        }
    }

    /// Why an account of that role needs it.
    public var needed: String {
        switch self {
        case .holder: "a budget holder's account needs the holder whose statements are theirs"
        case .directorate: "a finance account needs the directorate whose returns are theirs"
        case .portfolio: "a member's account needs the Cabinet portfolio whose savings are theirs to read"
        }
    }
}

extension PortalUser.Role {
    /// What an account of this role is tied to; nothing for the CFO and administrators, who see
    /// everything.
    public var tie: AccountTie? {
        switch self {
        case .holder: .holder
        case .finance: .directorate
        case .member: .portfolio
        case .cfo, .admin: nil
        }
    }
}
