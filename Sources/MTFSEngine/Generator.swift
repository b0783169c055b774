import MTFSDomain

/// Writes a realistic synthetic ledger pack of any size, deterministic for a seed: directorates,
/// services, cost centres with holders and baselines, proposals with shares and phasing, a
/// restructure into a hub, slips, write-offs and monthly returns, with a controlled sprinkling of the
/// problems the reconciliation detects (about 1% of proposals each).
public struct Generator {
    public var proposals = 100
    public var costCentres = 200
    public var years = 3
    public var periods = 7
    public var seed: UInt64 = 1
    /// Titles that follow a template ("Saving proposal 19916 delta"), as some programmes' do, with no
    /// near-duplicate titles planted: DC04 should find nothing in them.
    public var templateTitles = false
    /// The template's last words: a handful, each in many titles.
    static let templateWords = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    public var firstYear = FinancialYear(startYear: 2023)

    public init() {}

    /// What was written, so tests can check a pack against its generator.
    public struct Manifest: Sendable, Equatable {
        public var costCentres = 0
        public var proposals = 0
        public var approvals = 0
        public var targetByYear: [FinancialYear: Pence] = [:]
        public var restructures = 0
        public var slips = 0
        public var writeOffs = 0
        public var returnFiles = 0
        public var returnRows = 0
        /// Rows whose delivered to date changed from the previous return: one delivery entry each.
        public var deliveryEntries = 0
        public var holders = 0
        public var total: Pence { targetByYear.values.reduce(.zero, +) }
        /// Ledger entries a load of the pack records.
        public var entries: Int { approvals + slips + writeOffs + deliveryEntries }
    }

    /// SplitMix64: small, fast, and the same everywhere for a seed (the fuzz tests draw from it too).
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    }

    static let directorates = ["People", "Place", "Resources", "Communities", "Children", "Adults"]
    static let serviceNames = [
        "Social Care", "Early Help", "Education", "Public Health", "Waste", "Highways", "Planning", "Housing", "Leisure", "Finance",
        "HR", "IT", "Legal", "Customer Services", "Property", "Libraries", "Parking", "Regulatory Services", "Commissioning", "Transport",
    ]
    static let firstNames = [
        "Amara", "Tom", "Grace", "Helen", "Priya", "Dana", "Owen", "Fatima", "Ian", "Ruth", "Leo", "Nadia", "Colin", "Mei",
        "Sanjay", "Joanna", "Bilal", "Karen", "Elena", "Marcus", "Zoë", "Seán", "Chidi", "Anya", "Rhys", "Ines",
    ]
    static let lastNames = [
        "Okoye", "Reilly", "Mensah", "Brandt", "Nair", "Whitfield", "Pritchard", "Rahman", "Castellano", "Adeyemi", "Marsh",
        "Kowalski", "Ferris", "Lin", "Patel", "Price", "Hussain", "Doyle", "Rossi", "Hale", "O'Brien", "Ó Súilleabháin",
    ]
    static let verbs = [
        "Redesign", "Recommission", "Consolidate", "Digitise", "Automate", "Retender", "Restructure", "Rationalise", "Insource",
        "Outsource", "Integrate", "Reprocure", "Streamline", "Centralise", "Relocate", "Renegotiate",
    ]
    static let objects = [
        "placements", "home care", "day services", "transport", "street lighting", "grounds maintenance", "fleet",
        "libraries", "contact centre", "licensing", "printing", "agency staffing", "software licences", "energy contracts",
        "cleaning contracts", "payroll", "respite care", "supported living", "school transport", "parking enforcement",
        "planning advice", "building control", "CCTV monitoring", "pest control", "museum services", "leisure contract",
        "youth services", "reablement", "debt recovery", "procurement", "facilities management", "mailroom",
    ]
    static let qualifiers = [
        "north", "south", "east", "west", "central", "phase 2", "borough-wide", "pilot", "framework", "partnership",
        "shared service", "invest to save", "demand led", "income", "commercial", "prevention",
    ]

    /// Generates the pack, handing each file's rows to `write` (path, header, rows) file by file.
    public func generate(write: (String, [String], [[String]]) throws -> Void) throws -> Manifest {
        var rng = Random(state: seed)
        var manifest = Manifest()
        let yearList = (0..<max(1, years)).map { FinancialYear(startYear: firstYear.startYear + $0) }
        let serviceCount = max(2, costCentres / 8)
        // Services: each in a directorate with a holder; the last service is the hub.
        var services: [(name: String, directorate: String, holder: String)] = []
        var holders: Set<String> = []
        for i in 0..<serviceCount {
            let isHub = i == serviceCount - 1
            let directorate = isHub ? "Resources" : Generator.directorates[i % 3 == 0 ? 0 : (i % 3 == 1 ? 1 : 2)]
            let name =
                isHub
                ? "Business Support Hub"
                : "\(Generator.serviceNames[i % Generator.serviceNames.count]) \(i / Generator.serviceNames.count + 1)"
            var holder = "\(rng.pick(Generator.firstNames)) \(rng.pick(Generator.lastNames)) \(i + 1)"
            if i % 97 == 5 { holder = "\"=HYPERLINK(\"\"x\"\")\" <b>\(i)</b>" }  // hostile names must survive and render safely
            holders.insert(holder)
            services.append((name, directorate, holder))
        }
        manifest.holders = holders.count
        // Cost centres: spread over services; baselines comfortably above what is claimed.
        var org: [[String]] = []
        var centreService: [Int] = []
        for c in 0..<costCentres {
            let s = c % serviceCount
            centreService.append(s)
            org.append([
                code(c), "Budget line \(c + 1)", services[s].name, services[s].directorate, services[s].holder,
                s == serviceCount - 1 ? "hub" : "devolved",
            ])
        }
        try write("organisation.csv", ["cost_centre", "name", "service", "directorate", "budget_holder", "model"], org)
        manifest.costCentres = costCentres

        // Proposals: targets per year in whole £100s; 1–3 cost centres of one service.
        var targets: [[Int64]] = []  // pence per proposal per year
        var rows: [[String]] = []
        var owner: [String] = []
        var centresOf: [[Int]] = []
        var claimed = Array(repeating: Array(repeating: Int64(0), count: yearList.count), count: costCentres)
        for p in 0..<proposals {
            let service = rng.int(0...(serviceCount - 2))
            let inService = stride(from: service, to: costCentres, by: serviceCount).map { $0 }
            var centres: [Int] = []
            let n = min(inService.count, rng.int(1...3))
            while centres.count < n {
                let c = rng.pick(inService)
                if !centres.contains(c) { centres.append(c) }
            }
            // About 1%: share a cost centre with a proposal of another owner (DC02).
            if p > 10 && rng.chance(1), let other = centresOf.last?.first, !centres.contains(other) { centres.append(other) }
            var t = yearList.map { _ in Int64(rng.int(0...40)) * 10_000_00 / 4 }
            if t.allSatisfy({ $0 == 0 }) { t[0] = 50_000_00 }
            var title = "\(rng.pick(Generator.verbs)) \(rng.pick(Generator.objects)) (\(rng.pick(Generator.qualifiers)) \(p + 1))"
            if templateTitles { title = "Saving proposal \(p * 5 + 9_911) \(Generator.templateWords[p % Generator.templateWords.count])" }
            // About 1%: a near-duplicate of the previous proposal's title in the same service (DC04).
            if p > 0 && rng.chance(1), !templateTitles, let last = rows.last {
                title = last[1] + " extension"
                centres = centresOf.last ?? centres
            }
            let shares: String
            if centres.count == 1 {
                shares = code(centres[0])
            } else if rng.chance(50) {
                shares = centres.map(code).joined(separator: ";")
            } else {
                var left = 100
                shares = centres.enumerated().map { i, c in
                    let share = i == centres.count - 1 ? left : max(1, left / 2)
                    left -= share
                    return "\(code(c))=\(share)%"
                }.joined(separator: ";")
            }
            let who = services[centreService[centres[0]]].holder
            owner.append(who)
            centresOf.append(centres)
            targets.append(t)
            for (y, amount) in t.enumerated() { for c in centres { claimed[c][y] += amount } }
            let category = rng.pick(["efficiency", "income", "demand management", "commissioning"])
            let oneOff = rng.chance(10)
            let start = rng.chance(10) ? "\(firstYear.startYear)-0\(rng.int(5...9))" : ""
            rows.append(
                [ref(p), title, services[service].directorate, who, category, oneOff ? "one-off" : "ongoing", shares, start, "", "", "", "", "", ""]
                    + t.map { $0 == 0 ? "" : Pence($0).plain })
            // A one-off saving falls out the year after it is made where that year's cell is empty
            // (SPEC §5 v3): the loader records it, and the manifest counts it.
            var loaded = t
            if oneOff {
                for y in 1..<max(1, t.count) where t[y] == 0 && t[y - 1] > 0 { loaded[y] = -t[y - 1] }
            }
            manifest.approvals += loaded.filter { $0 != 0 }.count
            for (y, amount) in loaded.enumerated() { manifest.targetByYear[yearList[y], default: .zero] += Pence(amount) }
        }
        manifest.proposals = proposals
        try write("proposals.csv", PackFormat.proposalColumns + yearList.map(\.description), rows)

        // Baselines: three times what is claimed, cumulatively, plus a floor; 1 in 200 cost centres overclaimed (DC01).
        var baselines: [[String]] = []
        for c in 0..<costCentres {
            var cumulative: Int64 = 0
            for (y, year) in yearList.enumerated() {
                cumulative += claimed[c][y]
                let base = c % 200 == 7 && claimed[c][0] > 0 ? max(100_00, claimed[c][0] / 2) : cumulative * 3 + 250_000_00
                baselines.append([code(c), year.description, Pence(base).plain])
            }
        }
        try write("baselines.csv", PackFormat.baselineColumns, baselines)

        // Restructure: 2% of cost centres move into the hub on 1 October of the first year.
        var restructures: [[String]] = []
        let hub = services[serviceCount - 1]
        for c in 0..<costCentres where c % 50 == 3 && centreService[c] != serviceCount - 1 {
            restructures.append([
                "\(firstYear.startYear)-10-01", code(c), hub.name, hub.directorate, hub.holder, "hub", "Centralised into the hub",
            ])
        }
        manifest.restructures = restructures.count
        try write("restructures.csv", PackFormat.restructureColumns, restructures)

        // Adjustments: 5% slip a fifth of the first year (1 in 5 of those twice); 2% write off a tenth.
        var current = targets
        var adjustments: [[String]] = []
        var events: [(month: Int, row: [String])] = []
        var later: [Int: [(month: Int, amount: Int64)]] = [:]  // first-year adjustments by proposal
        func adjust(_ p: Int, month: Int, day: String, slip: Bool, amount: Int64, reason: String) {
            current[p][0] -= amount
            if slip { current[p][1] += amount }
            events.append(
                (
                    month,
                    [
                        "\(firstYear.startYear)-\(day)", ref(p), slip ? "slip" : "unachievable", yearList[0].description,
                        Pence(amount).plain, slip ? yearList[1].description : "", reason,
                    ]
                ))
            later[p, default: []].append((month, amount))
            if slip { manifest.slips += 1 } else { manifest.writeOffs += 1 }
        }
        for p in 0..<proposals where yearList.count > 1 && current[p][0] >= 10_000_00 {
            if rng.chance(5) {
                adjust(p, month: 3, day: "06-15", slip: true, amount: current[p][0] / 5 / 100 * 100, reason: "Delayed start")
                if rng.chance(20) {
                    adjust(p, month: 6, day: "09-15", slip: true, amount: current[p][0] / 10 / 100 * 100, reason: "Delayed again")
                }
            } else if rng.chance(2) {
                adjust(p, month: 4, day: "07-20", slip: false, amount: current[p][0] / 10 / 100 * 100, reason: "Not deliverable")
            }
        }
        for e in events.sorted(by: { $0.month < $1.month }) { adjustments.append(e.row) }
        try write("adjustments.csv", PackFormat.adjustmentColumns, adjustments)

        // Returns: month m (0-based from April of the first year); targets as they stood that month.
        var delivered = Array(repeating: Array(repeating: Int64(0), count: yearList.count), count: proposals)
        let behind = (0..<proposals).map { $0 % 100 == 11 }
        let moved = Set(restructures.map { $0[1] })
        // Half the proposals on a moved cost centre stop delivering after the move (SL04).
        let stalled = (0..<proposals).map { p in p % 2 == 1 && centresOf[p].contains { moved.contains(code($0)) } }
        for m in 0..<periods {
            let y = m / 12
            guard y < yearList.count else { break }
            let period = yearList[y].period(m % 12 + 1)
            var rows: [[String]] = []
            for p in 0..<proposals {
                var target = targets[p][y]
                if y == 0 {  // adjustments up to this month
                    target = current[p][0]
                    for e in later[p] ?? [] where e.month > m % 12 + 1 { target += e.amount }
                }
                if y == 1 {  // slipped-in amounts arrive during the first year, so count them only once it is over
                    target = current[p][1]
                }
                guard target > 0 else { continue }
                if p % 100 == 13 && m == periods - 1 { continue }  // stale return (DQ01)
                let months = Int64(m % 12 + 1)
                var value = target * months / 12 / 100 * 100
                if behind[p] { value = value / 2 / 100 * 100 }
                if stalled[p] && m >= 6 { value = delivered[p][y] }
                value = min(value, target)
                value = max(value, delivered[p][y])
                if value != delivered[p][y] { manifest.deliveryEntries += 1 }
                delivered[p][y] = value
                var rag = value >= target ? "B" : "G"
                var forecast = target
                var comment = "On track"
                if behind[p] {
                    rag = "A"
                    forecast = target * 3 / 4 / 100 * 100
                    comment = "Behind plan; mitigation in hand"
                }
                if p % 100 == 17 {
                    rag = "G"
                    forecast = target * 8 / 10 / 100 * 100
                }  // DQ02
                if p % 100 == 19 {
                    rag = "A"
                    comment = ""
                }  // DQ03
                rows.append([ref(p), yearList[y].description, Pence(value).plain, Pence(forecast).plain, rag, comment])
            }
            manifest.returnRows += rows.count
            manifest.returnFiles += 1
            try write("returns/\(period.monthText).csv", PackFormat.returnPinned, rows)
        }
        return manifest
    }

    func code(_ c: Int) -> String { "CC-\(String(c + 1).leftPad(6))" }
    func ref(_ p: Int) -> String { "SP-\(String(p + 1).leftPad(6))" }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
