import Foundation
import MTFSDomain
import MTFSStore

/// The files of a ledger pack (SPEC §5) and their columns.
public enum PackFormat {
    public static let organisation = "organisation.csv"
    public static let baselines = "baselines.csv"
    public static let proposals = "proposals.csv"
    public static let restructures = "restructures.csv"
    public static let adjustments = "adjustments.csv"
    public static let returns = "returns"

    public static let organisationColumns = ["cost_centre", "name", "service", "directorate", "budget_holder", "model"]
    public static let baselineColumns = ["cost_centre", "year", "net_budget"]
    public static let proposalColumns = [
        "ref", "title", "directorate", "owner", "category", "recurrence", "cost_centres", "delivery_start", "replaces", "fund",
        "portfolio", "portfolio_holder", "risk", "priority",
    ]
    /// The service impacts identified when each saving was risk-assessed (SPEC §5 v3).
    public static let impacts = "impacts.csv"
    public static let impactColumns = ["ref", "kind", "impact", "mitigation"]
    /// The optional file of settings for the whole pack (`key,value`), and the keys it may hold.
    public static let settings = "pack.csv"
    public static let settingKeys = ["year_columns"]
    public static let proposalRequired = ["ref", "title", "directorate", "owner", "cost_centres"]
    public static let restructureColumns = ["effective", "cost_centre", "service", "directorate", "budget_holder", "model", "reason"]
    public static let adjustmentColumns = ["date", "ref", "action", "year", "amount", "to_year", "reason"]
    /// The pinned columns of a return (SPEC §5), and the columns of money by status it may add (v3).
    public static let returnPinned = ["ref", "year", "delivered_to_date", "forecast", "rag", "comment"]
    public static let statusColumns = ["green", "amber", "red"]
    /// A service impact observed, and whether the risk assessment foresaw it (SPEC §5 v3).
    public static let impactReturnColumns = ["impact", "impact_foreseen"]
    public static let returnColumns = returnPinned + statusColumns + impactReturnColumns
    public static let returnRequired = ["ref", "year", "delivered_to_date"]
    /// The columns a return template adds for the reader (SPEC §9), read past without a warning.
    public static let templateColumns = ["title", "target", "owner"]
    /// A return template's columns in order (SPEC §9).
    public static let templateLayout = ["ref", "year", "title", "target", "delivered_to_date", "forecast", "rag", "comment", "impact", "impact_foreseen"]
    /// The layout of a template for money by status (`mtfs template --by-status`): green, amber
    /// and red beside delivered; the forecast and RAG follow from them on import.
    public static let statusTemplateLayout = [
        "ref", "year", "title", "target", "delivered_to_date", "green", "amber", "red", "forecast", "rag", "comment", "impact", "impact_foreseen",
    ]
    static func isTemplateColumn(_ name: String) -> Bool { templateColumns.contains(CSVFile.normal(name)) }

    /// Whether a header is a year column (`2023/24`, also `2023-24`).
    static func isYearColumn(_ name: String) -> Bool { (try? FinancialYear(parsing: name)) != nil }
}

/// A pack read from disk and checked line by line, before anything touches a ledger.
public struct ParsedPack: Sendable {
    public struct OrgRow: Sendable {
        var costCentre: CostCentre
        var service: String, directorate: String, holder: HolderID, model: ServiceModel
        var at: SourceLocation
    }
    public struct BaselineRow: Sendable {
        var costCentre: CostCentreCode, year: FinancialYear, amount: Pence
        var at: SourceLocation
    }
    public struct ProposalRow: Sendable {
        var proposal: Proposal
        var targets: [FinancialYear: Pence]
        var at: SourceLocation
        var yearColumns: [FinancialYear: String]
    }
    public struct RestructureRow: Sendable {
        var effective: CivilDate, costCentre: CostCentreCode
        var service: String?, directorate: String?, holder: HolderID?, model: ServiceModel?
        var reason: String
        var at: SourceLocation
    }
    public struct AdjustmentRow: Sendable {
        var date: CivilDate, ref: ProposalRef, movement: Movement, reason: String
        var at: SourceLocation
    }

    public var name: String
    public var organisation: [OrgRow] = []
    public var baselines: [BaselineRow] = []
    public var proposals: [ProposalRow] = []
    /// The MTFS years of proposals.csv, when it is present.
    public var years: YearRange?
    public var restructures: [RestructureRow] = []
    public var adjustments: [AdjustmentRow] = []
    public var impacts: [(impact: IdentifiedImpact, at: SourceLocation)] = []
    /// The monthly returns, checked when the pack is read and read again when they are applied, so
    /// a large pack's returns are never all in memory at once.
    public var returns: [PackReturn] = []
    /// What reading the pack's returns did that a person should know (an encoding, columns ignored).
    public var warnings: [String] = []
}

/// A monthly return of a pack: where it is, and what it reports.
public struct PackReturn: Sendable {
    public var path: String
    public var displayName: String
    public var period: Period

    /// Reads and checks the return (again).
    public func read() throws(InputError) -> ParsedReturn {
        try ParsedReturn.read(path: path, displayName: displayName, period: period)
    }
}

/// One monthly return, read and checked.
/// A monthly return as values, whatever produced it — a CSV file, a workbook, a web form — with
/// the period given as data. ``PackLoader/importReturn(_:)`` posts it.
public struct ParsedReturn: Sendable {
    /// One line: a proposal's year, as the budget holder reports it.
    public struct Row: Sendable {
        /// Delivered to date; nil when the cell was blank (not reported: the figure that stood is kept).
        public var ref: ProposalRef, year: FinancialYear, deliveredToDate: Pence?
        /// The forecast and RAG as typed (nil when blank); with money by status they follow from it.
        public var forecast: Pence?, rag: RAG?, comment: String
        /// The year's money by status (green, amber, red), when the line gives any of it.
        public var status: StatusMoney?
        /// A service impact observed this month, and whether it was foreseen.
        public var impact: ObservedImpact? = nil
        /// Where the line came from (file and line, sheet and cell, form field), for its errors and
        /// the entries' source.
        public var at: SourceLocation

        public init(
            ref: ProposalRef, year: FinancialYear, deliveredToDate: Pence?, forecast: Pence?, rag: RAG?, status: StatusMoney? = nil,
            comment: String, at: SourceLocation
        ) {
            self.status = status
            self.ref = ref
            self.year = year
            self.deliveredToDate = deliveredToDate
            self.forecast = forecast
            self.rag = rag
            self.comment = comment
            self.at = at
        }
    }
    /// What it came from, as errors name it.
    public var file: String
    public var period: Period
    public var rows: [Row]
    /// What the reader did that the person importing should know (columns ignored, an encoding).
    public var warnings: [String] = []

    /// The figures a return template was made with, by proposal and year.
    public struct Original: Sendable, Hashable {
        public var delivered: Pence
        public var forecast: Pence?
    }
    /// For a workbook made by `mtfs template`: each line's figures as the template had them.
    public var originals: [ProposalYear: Original] = [:]

    public init(file: String, period: Period, rows: [Row]) {
        self.file = file
        self.period = period
        self.rows = rows
    }
}

extension ParsedPack {
    /// Reads every file of the pack in `directory`; the first problem found is thrown.
    public static func read(directory: String) throws(InputError) -> ParsedPack {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw InputError(file: directory, "expected a folder holding a ledger pack (organisation.csv, proposals.csv, …)")
        }
        let known = [
            PackFormat.settings, PackFormat.organisation, PackFormat.baselines, PackFormat.proposals, PackFormat.restructures,
            PackFormat.adjustments, PackFormat.impacts,
        ]
        let entries = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
        for entry in entries.sorted() where entry.lowercased().hasSuffix(".csv") && !known.contains(entry) {
            throw InputError(
                file: join(directory, entry),
                "unknown file in the pack; expected only \(known.joined(separator: ", ")) and returns/YYYY-MM.csv")
        }
        guard entries.contains(where: { known.contains($0) || $0 == PackFormat.returns }) else {
            throw InputError(
                file: directory, "no pack files found; expected organisation.csv, proposals.csv and the other files of SPEC §5")
        }
        var pack = ParsedPack(name: directory)
        var cumulative = false
        if let f = try load(directory, PackFormat.settings, required: ["key", "value"]) {
            var seen: [String: Int] = [:]
            for r in f.rows {
                let key = r["key"].lowercased()
                guard PackFormat.settingKeys.contains(key) else {
                    throw InputError(r.at("key"), "unknown setting \"\(r["key"])\"; expected one of \(PackFormat.settingKeys.joined(separator: ", "))")
                }
                if let first = seen[key] { throw InputError(r.at("key"), "\(key) is set twice (first on line \(first))") }
                seen[key] = r.line
                switch r["value"].lowercased() {
                case "cumulative": cumulative = true
                case "incremental": cumulative = false
                default:
                    throw InputError(
                        r.at("value"),
                        "expected year_columns to be incremental (each year's cell is that year's new saving) or cumulative (the saving in place by that year), found \"\(r["value"])\"")
                }
            }
        }
        if let f = try load(directory, PackFormat.organisation, required: PackFormat.organisationColumns) {
            pack.organisation = try parseOrganisation(f)
        }
        if let f = try load(directory, PackFormat.baselines, required: PackFormat.baselineColumns) {
            pack.baselines = try parseBaselines(f)
        }
        if let f = try load(
            directory, PackFormat.proposals, required: PackFormat.proposalRequired,
            optional: PackFormat.proposalColumns.filter { !PackFormat.proposalRequired.contains($0) },
            extra: PackFormat.isYearColumn)
        {
            (pack.proposals, pack.years) = try parseProposals(f, cumulative: cumulative)
        }
        if let f = try load(
            directory, PackFormat.restructures, required: ["effective", "cost_centre"],
            optional: ["service", "directorate", "budget_holder", "model", "reason"])
        {
            pack.restructures = try parseRestructures(f)
        }
        if let f = try load(
            directory, PackFormat.adjustments, required: ["date", "ref", "action", "year", "amount"], optional: ["to_year", "reason"])
        {
            pack.adjustments = try parseAdjustments(f)
        }
        if let f = try load(directory, PackFormat.impacts, required: PackFormat.impactColumns) {
            for r in f.rows {
                let ref = try r.required("ref", what: "a proposal ref", as: ProposalRef.self)
                let kind = try r.parse("kind") { try ImpactKind(parsing: $0) }
                let impact = try r.required("impact", what: "the impact in words")
                for column in ["impact", "mitigation"] {
                    if let problem = PlainText.problem(r.raw(column), limit: PlainText.cellLimit) { throw InputError(r.at(column), "the \(column) \(problem)") }
                }
                pack.impacts.append((IdentifiedImpact(ref: ref, kind: kind, impact: impact, mitigation: r["mitigation"]), r.at()))
            }
        }
        let returnsDir = join(directory, PackFormat.returns)
        if fm.fileExists(atPath: returnsDir) {
            let files = ((try? fm.contentsOfDirectory(atPath: returnsDir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            // Every month checked, on every core; only each one's period and warnings are kept. The
            // first bad file in name order is the one reported, as a check one by one would.
            let places = files.map { (path: join(returnsDir, $0), displayName: join(directory, PackFormat.returns + "/" + $0)) }
            let found = Slots<Result<(period: Period, warnings: [String]), InputError>>(count: places.count)
            DispatchQueue.concurrentPerform(iterations: places.count) { i in
                found[i] = Result { () throws(InputError) in
                    let checked = try ParsedReturn.read(path: places[i].path, displayName: places[i].displayName)
                    return (checked.period, checked.warnings)
                }
            }
            for (i, place) in places.enumerated() {
                guard let result = found[i] else { continue }
                let checked = try result.get()
                pack.warnings += checked.warnings
                pack.returns.append(PackReturn(path: place.path, displayName: place.displayName, period: checked.period))
            }
        }
        return pack
    }

    static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

    static func load(
        _ dir: String, _ file: String, required: [String], optional: [String] = [],
        extra: ((String) -> Bool)? = nil
    ) throws(InputError) -> CSVFile? {
        let path = join(dir, file)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try CSVFile(name: path, bytes: try readBytes(path), required: required, optional: optional, extraColumn: extra)
    }

    static func parseOrganisation(_ f: CSVFile) throws(InputError) -> [OrgRow] {
        var seen: [CostCentreCode: Int] = [:]
        var rows: [OrgRow] = []
        for r in f.rows {
            let code = try r.required("cost_centre", what: "a cost centre code", as: CostCentreCode.self)
            if let first = seen[code] {
                throw InputError(r.at("cost_centre"), "cost centre \(code) is listed twice (first on line \(first))")
            }
            seen[code] = r.line
            rows.append(
                OrgRow(
                    costCentre: CostCentre(code: code, name: r["name"]),
                    service: try r.required("service", what: "a service"),
                    directorate: try r.required("directorate", what: "a directorate"),
                    holder: try r.required("budget_holder", what: "a budget holder"),
                    model: try r.parse("model") { try ServiceModel(parsing: $0) }, at: r.at()))
        }
        return rows
    }

    static func parseBaselines(_ f: CSVFile) throws(InputError) -> [BaselineRow] {
        var seen: Set<Pair> = []
        var rows: [BaselineRow] = []
        struct Pair: Hashable { var code: CostCentreCode, year: FinancialYear }
        for r in f.rows {
            let code = try r.required("cost_centre", what: "a cost centre code", as: CostCentreCode.self)
            let year = try r.parse("year") { try FinancialYear(parsing: $0) }
            if !seen.insert(Pair(code: code, year: year)).inserted {
                throw InputError(r.at("year"), "cost centre \(code) has two baselines for \(year)")
            }
            rows.append(BaselineRow(costCentre: code, year: year, amount: try r.parse("net_budget") { try Pence(parsing: $0) }, at: r.at()))
        }
        return rows
    }

    static func parseProposals(_ f: CSVFile, cumulative: Bool = false) throws(InputError) -> ([ProposalRow], YearRange?) {
        var yearColumns: [FinancialYear: String] = [:]
        for column in f.header where PackFormat.isYearColumn(column) {
            guard let year = try? FinancialYear(parsing: column) else { continue }
            if let other = yearColumns[year] {
                throw InputError(
                    SourceLocation(file: f.name, line: 1, column: column),
                    "the year \(year) appears twice in the header (also as \"\(other)\")")
            }
            yearColumns[year] = column
        }
        var range: YearRange?
        if let first = yearColumns.keys.min(), let last = yearColumns.keys.max() {
            range = YearRange(first: first, last: last)
            for year in YearRange(first: first, last: last).years where yearColumns[year] == nil {
                throw InputError(
                    SourceLocation(file: f.name, line: 1), "the year columns skip \(year); expected one column for every MTFS year")
            }
        }
        var seen: [String: (ref: ProposalRef, line: Int)] = [:]
        var rows: [ProposalRow] = []
        for r in f.rows {
            let ref = try r.required("ref", what: "a proposal ref", as: ProposalRef.self)
            if let first = seen[Proposal.canonical(ref.rawValue)] {
                throw InputError(
                    r.at("ref"),
                    first.ref == ref
                        ? "duplicate proposal ref \(ref) (first on line \(first.line))"
                        : "duplicate proposal ref \(ref): it differs from \(first.ref) (line \(first.line)) only in case or spacing")
            }
            seen[Proposal.canonical(ref.rawValue)] = (ref, r.line)
            var proposal = Proposal(
                ref: ref, title: try r.required("title", what: "a title"),
                directorate: try r.required("directorate", what: "a directorate"),
                owner: try r.required("owner", what: "an owner"), category: r["category"],
                recurrence: r["recurrence"].isEmpty ? .ongoing : try r.parse("recurrence") { try Recurrence(parsing: $0) },
                costCentres: try r.parse("cost_centres") { try CostCentreShare.parseList($0) },
                deliveryStart: r["delivery_start"].isEmpty ? nil : try r.parse("delivery_start") { try Period(parsing: $0) },
                replaces: r["replaces"].isEmpty ? nil : ProposalRef(r["replaces"]),
                fund: r["fund"].isEmpty ? Proposal.generalFund : r["fund"])
            proposal.portfolio = r["portfolio"].isEmpty ? nil : r["portfolio"]
            proposal.portfolioHolder = r["portfolio_holder"].isEmpty ? nil : r["portfolio_holder"]
            proposal.risk = r["risk"].isEmpty ? nil : try r.parse("risk") { try RiskRating(parsing: $0) }
            proposal.priority = r["priority"].isEmpty ? nil : r["priority"]
            do { try proposal.validate() } catch { throw InputError(r.at(proposal.fund.unicodeScalars.count > 200 ? "fund" : "ref"), error.explanation) }
            let targets = try yearTargets(r, yearColumns: yearColumns, cumulative: cumulative, oneOff: proposal.recurrence == .oneOff)
            if let start = proposal.deliveryStart, let range, !range.contains(start.year) {
                throw InputError(r.at("delivery_start"), "\(start) is outside the MTFS years \(range)")
            }
            rows.append(ProposalRow(proposal: proposal, targets: targets, at: r.at(), yearColumns: yearColumns))
        }
        return (rows, range)
    }

    /// A proposal's target for each year from its year cells (SPEC §5 v3). Incremental cells are
    /// each year's new saving; cumulative cells the saving in place by that year, recorded as the
    /// increments. A negative increment is a saving falling out. A one-off saving falls out the
    /// year after it is made when that year's cell is empty; a filled cell is taken as given. The
    /// saving in place may never go below zero. Each refusal names the cell.
    static func yearTargets(
        _ r: CSVRow, yearColumns: [FinancialYear: String], cumulative: Bool, oneOff: Bool
    ) throws(InputError) -> [FinancialYear: Pence] {
        var targets: [FinancialYear: Pence] = [:]
        var inPlace = Pence.zero
        var madeLastYear: Pence?
        for year in yearColumns.keys.sorted() {
            let column = yearColumns[year]!
            var increment: Pence?
            if r[column].isEmpty {
                if oneOff, let made = madeLastYear, made.rawValue > 0 {
                    increment = -made
                } else if cumulative && !inPlace.isZero {
                    throw InputError(
                        r.at(column),
                        "the cell is empty after a saving of \(inPlace) was in place; with cumulative year columns give the saving in place by \(year) (the same again if it continues, 0 if it has ended)")
                }
            } else {
                let amount = try r.parse(column) { try Pence(parsing: $0) }
                if cumulative && amount.isNegative {
                    throw InputError(r.at(column), "expected the saving in place by \(year), £0.00 or more, found \(amount)")
                }
                increment = cumulative ? amount - inPlace : amount
            }
            madeLastYear = increment
            guard let increment, !increment.isZero else { continue }
            inPlace += increment
            if inPlace.isNegative {
                throw InputError(
                    r.at(column), "this takes the saving in place by \(year) to \(inPlace): a saving cannot fall out by more than was made before it")
            }
            targets[year] = increment
        }
        return targets
    }

    static func parseRestructures(_ f: CSVFile) throws(InputError) -> [RestructureRow] {
        try f.rows.map { r throws(InputError) in
            func optional(_ c: String) -> String? { r[c].isEmpty ? nil : r[c] }
            return RestructureRow(
                effective: try r.parse("effective") { try CivilDate(parsing: $0) },
                costCentre: try r.required("cost_centre", what: "a cost centre code"),
                service: optional("service"), directorate: optional("directorate"), holder: optional("budget_holder").map(HolderID.init),
                model: r["model"].isEmpty ? nil : try r.parse("model") { try ServiceModel(parsing: $0) }, reason: r["reason"], at: r.at())
        }
    }

    static func parseAdjustments(_ f: CSVFile) throws(InputError) -> [AdjustmentRow] {
        try f.rows.map { r throws(InputError) in
            let date = try r.parse("date") { try CivilDate(parsing: $0) }
            let ref = try r.required("ref", what: "a proposal ref", as: ProposalRef.self)
            let year = try r.parse("year") { try FinancialYear(parsing: $0) }
            let amount = try r.parse("amount") { try Pence(parsing: $0) }
            if amount.rawValue <= 0 { throw InputError(r.at("amount"), "expected an amount more than £0.00, found \(amount)") }
            let movement: Movement
            switch r["action"].lowercased() {
            case "slip":
                let to = try r.parse("to_year") { text throws -> FinancialYear in
                    if text.isEmpty { throw DomainError.invalid("a slip needs to_year, the later year the target moves to") }
                    return try FinancialYear(parsing: text)
                }
                if to <= year { throw InputError(r.at("to_year"), "a slip must move target to a later year than \(year), found \(to)") }
                movement = .slip(from: year, to: to, amount: amount)
            case "unachievable":
                if !r["to_year"].isEmpty { throw InputError(r.at("to_year"), "to_year is only for slips; leave it empty for unachievable") }
                movement = .unachievable(year: year, amount: amount)
            default:
                throw InputError(r.at("action"), "expected an action of slip or unachievable, found \"\(r["action"])\"")
            }
            return AdjustmentRow(date: date, ref: ref, movement: movement, reason: r["reason"], at: r.at())
        }
    }
}

extension CSVRow: ReturnCells {}

/// The largest file read as a return or a pack's CSV.
let maxInputBytes = 512 << 20

/// Reads a whole file, or says which file could not be read.
func readBytes(_ path: String) throws(InputError) -> [UInt8] {
    // Sized before it is read: a return is never this large, and reading it would take the memory.
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxInputBytes {
        throw InputError(file: path, "the file is \(size / (1 << 20)) MiB, larger than a return or pack file can be (\(maxInputBytes >> 20) MiB)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError(file: path, "the file cannot be read")
    }
    return [UInt8](data)
}

/// Results filled in from several threads, one slot each, read once they are all done.
final class Slots<T>: @unchecked Sendable {
    private var values: [T?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T? {
        get { lock.withLock { values[i] } }
        set { lock.withLock { values[i] = newValue } }
    }
}
