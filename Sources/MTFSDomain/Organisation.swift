/// Whether a service is run by each directorate or by a central hub.
public enum ServiceModel: String, Sendable, Codable, CaseIterable {
    case devolved
    case hub

    /// Reads `devolved` or `hub` (any case).
    public init(parsing text: String) throws(DomainError) {
        guard let model = ServiceModel(rawValue: text.trimmingSpaces().lowercased()) else {
            throw DomainError.invalid("expected a model of devolved or hub, found \"\(text)\"")
        }
        self = model
    }
}

/// Where a cost centre sits from a date: its service, directorate and budget holder.
public struct Assignment: Hashable, Sendable, Codable {
    public var costCentre: CostCentreCode
    public var effective: CivilDate
    public var service: String
    public var directorate: String
    public var budgetHolder: HolderID
    public var model: ServiceModel
    public var reason: String

    public init(
        costCentre: CostCentreCode, effective: CivilDate, service: String, directorate: String,
        budgetHolder: HolderID, model: ServiceModel, reason: String = ""
    ) {
        self.costCentre = costCentre
        self.effective = effective
        self.service = service
        self.directorate = directorate
        self.budgetHolder = budgetHolder
        self.model = model
        self.reason = reason
    }

    /// Refuses a service, directorate or budget holder that is not a plain name.
    public func checkNames() throws {
        for (text, what) in [(service, "service"), (directorate, "directorate"), (budgetHolder.rawValue, "budget holder")] {
            try PlainText.checkName(text, what: what)
        }
    }
}

/// A budget line with its name. Where it sits over time is in ``OperatingModel``.
public struct CostCentre: Hashable, Sendable, Codable {
    public var code: CostCentreCode
    public var name: String
    public init(code: CostCentreCode, name: String) {
        self.code = code
        self.name = name
    }
}

/// The operating model over time: effective-dated assignments of every cost centre.
public struct OperatingModel: Sendable {
    /// Each cost centre's assignments, oldest first.
    public private(set) var history: [CostCentreCode: [Assignment]] = [:]

    public init(_ assignments: [Assignment] = []) {
        for a in assignments { add(a) }
    }

    /// Adds an assignment, keeping each history in date order.
    public mutating func add(_ assignment: Assignment) {
        var list = history[assignment.costCentre, default: []]
        let index = list.firstIndex(where: { $0.effective > assignment.effective }) ?? list.count
        list.insert(assignment, at: index)
        history[assignment.costCentre] = list
    }

    /// Who held the cost centre on the date, in which service and directorate; nil before its first assignment.
    public func assignment(of costCentre: CostCentreCode, on date: CivilDate) -> Assignment? {
        history[costCentre]?.last(where: { $0.effective <= date })
    }

    /// Since when the cost centre's budget holder on `date` has held it without a break: a
    /// restructure that renames its service or directorate but keeps its holder does not restart it
    /// (SPEC §5 v3).
    public func heldSince(_ costCentre: CostCentreCode, on date: CivilDate) -> CivilDate? {
        guard let list = history[costCentre], let current = list.lastIndex(where: { $0.effective <= date }) else { return nil }
        var first = current
        while first > 0 && list[first - 1].budgetHolder == list[current].budgetHolder { first -= 1 }
        return list[first].effective
    }

    /// The first assignment ever recorded (the position when the MTFS started).
    public func original(of costCentre: CostCentreCode) -> Assignment? { history[costCentre]?.first }

    /// Changes after the first assignment: the restructures that moved the cost centre.
    public func moves(of costCentre: CostCentreCode) -> [Assignment] { Array((history[costCentre] ?? []).dropFirst()) }

    /// Every cost centre's assignment on the date, sorted by directorate, service and code.
    public func snapshot(on date: CivilDate) -> [Assignment] {
        history.keys.compactMap { assignment(of: $0, on: date) }
            .sorted { ($0.directorate, $0.service, $0.costCentre) < ($1.directorate, $1.service, $1.costCentre) }
    }

    /// The cost centres known.
    public var costCentres: [CostCentreCode] { history.keys.sorted() }

    /// The directorates renamed by `date` (SPEC §5 v3), old name → new name and when: on one day,
    /// every cost centre of the old directorate moved to the new one, which held none before, and
    /// the old one held none after. (A directorate split, merged into one that already existed, or
    /// left with a cost centre is a restructure, not a rename.)
    public func renames(through date: CivilDate) -> [String: (to: String, on: CivilDate)] {
        struct Move: Hashable { var from: String, to: String, on: CivilDate }
        var moves: Set<Move> = []
        for list in history.values where list.count > 1 {
            for i in 1..<list.count where list[i].effective <= date && list[i].directorate != list[i - 1].directorate {
                moves.insert(Move(from: list[i - 1].directorate, to: list[i].directorate, on: list[i].effective))
            }
        }
        var out: [String: (to: String, on: CivilDate)] = [:]
        for m in moves {
            let before = snapshot(on: m.on.adding(days: -1)), after = snapshot(on: m.on)
            let oldCentres = Set(before.filter { $0.directorate == m.from }.map(\.costCentre))
            let movedToNew = Set(after.filter { $0.directorate == m.to && $0.effective == m.on }.map(\.costCentre))
            guard !oldCentres.isEmpty, oldCentres == movedToNew, !before.contains(where: { $0.directorate == m.to }),
                !after.contains(where: { $0.directorate == m.from })
            else { continue }
            out[m.from] = (m.to, m.on)
        }
        return out
    }

    /// The name a directorate is known by after `renames` (those made by a date: ``renames(through:)``).
    public static func currentName(_ name: String, renames: [String: (to: String, on: CivilDate)]) -> String {
        var current = name
        var seen: Set<String> = [name]
        while let next = renames[current]?.to, seen.insert(next).inserted { current = next }
        return current
    }
}
