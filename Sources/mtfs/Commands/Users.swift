import ArgumentParser
import Foundation
import MTFSDomain
import MTFSRender
import MTFSStore
import MTFSWeb

extension PortalUser.Role: ExpressibleByArgument {}

/// `mtfs user`: the portal's people.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list and disable the people who sign in to the portal.",
        subcommands: [UserAdd.self, UserList.self, UserPassword.self, UserEmail.self, UserDisable.self])
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user; the password is read from standard input and stored only as an Argon2id hash.",
        discussion: """
            Roles: holder (their own statement, return and sign-off; --holder names the budget holder), finance (their \
            directorate's returns and statements; --directorate), cfo (everything, read), admin (everything), member (a \
            councillor: their Cabinet portfolio's members' report, statement and findings, read only; --portfolio).

            Example: printf '%s' "$PASSWORD" | mtfs user add helen --name "Helen Brandt" --role holder --holder "Helen Brandt" --email helen.brandt@council.gov.uk --password-stdin
                     printf '%s' "$PASSWORD" | mtfs user add cllr.fielding --name "Cllr Maya Fielding" --role member --portfolio "Children's Services" --password-stdin
            """)
    @OptionGroup var options: LedgerOptions
    @Argument(help: "The login (letters, digits, '.', '_', '-').") var login: String
    @Option(help: "The person's name.") var name: String
    @Option(help: "holder, finance, cfo, admin or member.") var role: PortalUser.Role
    @Option(help: "For a holder: the budget holder whose statements are theirs.") var holder: HolderID?
    @Option(help: "For finance: their directorate.") var directorate: String?
    @Option(help: "For a member: the Cabinet portfolio whose savings they read.") var portfolio: String?
    @Option(help: "Where their reminders go (mtfs remind); shown only to them and administrators.") var email: String?
    @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input (required; never from the command line).")
    var passwordStdin = false

    func run() throws {
        if !passwordStdin { _ = try readPassword(false) }
        var user = PortalUser(login: login.lowercased(), name: name, role: role, holder: holder, directorate: directorate, portfolio: portfolio)
        for tie in AccountTie.allCases where user[tie] != nil && role.tie != tie {
            throw Failure.usage("--\(tie.rawValue) is for \(tie.role); a \(role.rawValue) has none")
        }
        if let email {
            do throws(DomainError) { user.email = try EmailAddress.check(email) } catch { throw Failure.badInput("--email: \(error.explanation)") }
        }
        do { try user.validate() } catch { throw Failure.badInput(error.commandLine) }
        try options.writing { ledger in
            // The names must be the ledger's own: a typo would give a portal of empty pages.
            let proposals = try ledger.books.proposals()
            let model = try ledger.organisation.operatingModel()
            let assignments = model.history.values.flatMap { $0 }
            // Any name the holder had, in any case: the account is theirs by the name they go by now.
            if let holder { user.holder = try HolderCommand.known(holder, in: ledger, option: "--holder") }
            if let directorate {
                let known = Set(proposals.map(\.directorate)).union(assignments.map(\.directorate))
                guard let name = Names.match(directorate, in: known) else {
                    throw Failure.badInput("--directorate: there is no directorate \"\(directorate)\"; the ledger's are \(known.sorted().joined(separator: ", "))")
                }
                user.directorate = name
            }
            if let portfolio {
                let known = Set(proposals.compactMap(\.portfolio))
                guard let name = Names.match(portfolio, in: known) else {
                    throw Failure.badInput(
                        "--portfolio: no proposal is in the portfolio \"\(portfolio)\"; "
                            + (known.isEmpty ? "no proposal has a portfolio yet (proposals.csv's portfolio column)" : "the portfolios are \(known.sorted().joined(separator: ", "))"))
                }
                user.portfolio = name
            }
            let hash = try Credentials.hashPassword(try readPassword(passwordStdin))
            try ledger.people.addUser(user, passwordHash: hash, by: Clock.loginName, onBehalfOf: try options.onBehalfOf(), at: Clock.seconds, recordedAt: Clock.recordedAt)
            Terminal.write("Added \(login) (\(role.rawValue)" + (user.holder.map { ", \($0)'s statements" } ?? "") + (directorate.map { ", \($0)" } ?? "") + (user.portfolio.map { ", the \($0) portfolio" } ?? "") + ").")
        }
    }
}

struct UserPassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Set a user's password (read from standard input); their sessions end.")
    @OptionGroup var options: LedgerOptions
    @Argument(help: "The login.") var login: String
    @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input (required).") var passwordStdin = false

    func run() throws {
        let password = try readPassword(passwordStdin)
        let hash = try Credentials.hashPassword(password)
        try options.writing { try $0.people.setPassword(login, passwordHash: hash, by: Clock.loginName, onBehalfOf: try options.onBehalfOf(), at: Clock.seconds) }
        Terminal.write("Set a new password for \(login); their sessions have ended.")
    }
}

/// The password on standard input (one line; its line end dropped), checked for length.
func readPassword(_ fromStdin: Bool) throws -> String {
    guard fromStdin else {
        throw Failure.usage("give --password-stdin and the password on standard input (a password on the command line would be in the shell's history)")
    }
    var password = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    while password.hasSuffix("\n") || password.hasSuffix("\r") { password.removeLast() }
    if let weak = Credentials.weakness(of: password) { throw Failure.badInput("the password on standard input: \(weak)") }
    return password
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the portal's users.")
    @OptionGroup var options: LedgerOptions
    @OptionGroup var format: FormatOption

    func run() throws {
        let users = try options.reading { try $0.people.users() }
        var t = Table(columns: [
            .init("login", "Login"), .init("name", "Name"), .init("role", "Role"), .init("holder", "Holder"), .init("directorate", "Directorate"),
            .init("portfolio", "Portfolio"), .init("email", "Email"), .init("status", "Status"),
        ])
        t.rows = users.map { u in
            [.text(u.login), .text(u.name), .text(u.role.rawValue), .text(u.holder ?? ""), .text(u.directorate ?? ""), .text(u.portfolio ?? ""),
                .text(u.email ?? ""), .text(u.disabled ? "disabled" : "active")]
        }
        try format.emit(json: { t.renderJSON() }, table: { _ in t }, sheet: "Users")
    }
}

struct UserEmail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email", abstract: "Set the address a user's reminders go to (mtfs remind); --remove takes it away.",
        discussion: "Example: mtfs user email helen helen.brandt@council.gov.uk")
    @OptionGroup var options: LedgerOptions
    @Argument(help: "The login.") var login: String
    @Argument(help: "The email address.") var address: String?
    @Flag(help: "Remove the address: no reminder is sent to them.") var remove = false

    func run() throws {
        if remove == (address != nil) { throw Failure.usage("give the email address, or --remove (not both)") }
        var checked: String?
        if let address {
            do throws(DomainError) { checked = try EmailAddress.check(address) } catch { throw Failure.badInput(error.explanation) }
        }
        try options.writing { try $0.people.setEmail(login, checked, by: Clock.loginName, onBehalfOf: try options.onBehalfOf(), at: Clock.seconds) }
        Terminal.write(checked.map { "\(login)'s reminders go to \($0)." } ?? "Removed \(login)'s email address; they are sent no reminders.")
    }
}

struct UserDisable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user: their sessions end and tokens stop at once.")
    @OptionGroup var options: LedgerOptions
    @Argument(help: "The login.") var login: String

    func run() throws {
        try options.writing { try $0.people.disableUser(login, by: Clock.loginName, onBehalfOf: try options.onBehalfOf(), at: Clock.seconds) }
        Terminal.write("Disabled \(login): their sessions are ended and their API tokens no longer work.")
    }
}

/// `mtfs token create`: an API token, printed once.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "API tokens.", subcommands: [TokenCreate.self])
}

struct TokenCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an API token for a user; it is printed once and stored only as a hash.")
    @OptionGroup var options: LedgerOptions
    @Argument(help: "The login the token acts as.") var login: String

    func run() throws {
        let token = Credentials.randomSecret(prefix: "mtfs_")
        try options.writing {
            try $0.people.addToken(
                login: login, tokenHash: Credentials.digest(token), by: Clock.loginName, onBehalfOf: try options.onBehalfOf(), at: Clock.seconds,
                recordedAt: Clock.recordedAt)
        }
        Terminal.write(token)
    }
}
