import Testing

@testable import MTFSDomain

/// The one scope policy (SPEC §10, §7 v3): what each role reaches, and whose proposals it sees.
@Suite("Scope: who may see and do what")
struct ScopeTests {
    static let users: [PortalUser.Role: PortalUser] = [
        .holder: PortalUser(login: "h", name: "H", role: .holder, holder: "Ann"),
        .finance: PortalUser(login: "f", name: "F", role: .finance, directorate: "People"),
        .cfo: PortalUser(login: "c", name: "C", role: .cfo),
        .admin: PortalUser(login: "a", name: "A", role: .admin),
        .member: PortalUser(login: "m", name: "M", role: .member, portfolio: "Children's Services"),
    ]

    /// Each role's areas, as SPEC §10 and §7 v3 give them; every other area is refused.
    static let reaches: [PortalUser.Role: Set<Scope.Area>] = [
        .holder: [.statement, .ownReturn, .history, .signOff, .postReturn],
        .finance: [.statement, .board, .upload, .postReturn, .findings, .members],
        .cfo: [.statement, .board, .summary, .trend, .findings, .members, .downloads],
        .admin: [.statement, .board, .upload, .postReturn, .summary, .trend, .findings, .members, .downloads, .users],
        .member: [.statement, .findings, .members, .downloads],
    ]

    @Test("every role reaches exactly its areas, and each refusal is a sentence", arguments: PortalUser.Role.allCases)
    func areas(role: PortalUser.Role) throws {
        let scope = try #require(ScopeTests.users[role]).scope
        for area in Scope.Area.allCases {
            #expect(scope.may(area) == ScopeTests.reaches[role]!.contains(area), "\(role) \(area)")
            if !scope.may(area) { #expect(scope.refusal(area).hasSuffix(".")) }
        }
        // The menu lists only what the user may reach, and home is on it.
        #expect(scope.menu.contains { $0.path == scope.home })
        #expect(scope.readsOnly == (role == .member))
    }

    @Test("who answers for what: only a holder's own account is theirs, only finance of a directorate partners it, only the CFO is the CFO", arguments: PortalUser.Role.allCases)
    func answers(role: PortalUser.Role) throws {
        let scope = try #require(ScopeTests.users[role]).scope
        #expect(scope.isAccount(of: "Ann") == (role == .holder))
        #expect(!scope.isAccount(of: "Bo"))
        #expect(scope.partners(any: ["Place", "People"]) == (role == .finance))
        #expect(!scope.partners(any: ["Place"]))
        #expect(scope.isCFO == (role == .cfo))
    }

    @Test("whose proposals each role sees and writes to; a holder's statement only for its holder, finance's directorate or the CFO")
    func proposals() {
        var theirs = Proposal(ref: "P-1", title: "T", directorate: "People", owner: "Ann", costCentres: [])
        theirs.portfolio = "Children's Services"
        var other = Proposal(ref: "P-2", title: "T", directorate: "Place", owner: "Bob", costCentres: [])
        other.portfolio = "Place Services"
        let none = Proposal(ref: "P-3", title: "T", directorate: "Place", owner: "Bob", costCentres: [])
        for (role, user) in ScopeTests.users {
            let s = user.scope
            let everything = role == .cfo || role == .admin
            #expect(s.sees(theirs))
            #expect(s.sees(other) == everything && s.sees(none) == everything, "\(role)")
            #expect(s.writes(to: theirs) == (role != .member && role != .cfo), "\(role)")
            #expect(!s.writes(to: other) || role == .admin)
            #expect(s.seesStatement(of: "Ann", directorates: ["People"]) == (role != .member))
            #expect(s.seesStatement(of: "Bob", directorates: ["Place"]) == everything)
        }
    }

    @Test("a typed name means the ledger's own: exactly so, else the one differing only in case or spaces; else none")
    func names() {
        let known: Set<String> = ["People", "Place", "PEOPLE "]
        #expect(Names.match("People", in: known) == "People")
        #expect(Names.match(" place ", in: known) == "Place")
        #expect(Names.match("people", in: ["People"]) == "People")
        #expect(Names.match("Resources", in: known) == nil)
    }
}
