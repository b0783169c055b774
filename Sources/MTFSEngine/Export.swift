import Foundation
import MTFSDomain
import MTFSStore

/// Writes a ledger out: as a ledger pack that loads back into the same ledger, and as a plain-text
/// journal that hledger and ledger-cli read, so the books can be checked by an independent tool.
public enum Export {
    // MARK: - Ledger pack

    /// The files of a pack (relative path → CSV text) that loads into a ledger with the same balances.
    ///
    /// Deliveries become monthly returns (cumulative delivered to date at each period end with any
    /// movement or forecast); slips and write-offs become adjustments; a reversed slip or write-off is
    /// left out with its reversal. A ledger loaded from a pack exports to a pack that reloads into an
    /// identical journal.
    public static func pack(_ ledger: Ledger) throws -> [String: String] {
        let window = try ledger.books.requireWindow()
        let model = try ledger.organisation.operatingModel()
        let names = Dictionary(uniqueKeysWithValues: try ledger.organisation.costCentres().map { ($0.code, $0.name) })
        var files: [String: String] = [:]

        var org = [PackFormat.organisationColumns]
        var restructures = [PackFormat.restructureColumns]
        for code in model.costCentres {
            guard let first = model.original(of: code) else { continue }
            org.append([code.rawValue, names[code] ?? "", first.service, first.directorate, first.budgetHolder.rawValue, first.model.rawValue])
            for m in model.moves(of: code) {
                restructures.append([m.effective.description, code.rawValue, m.service, m.directorate, m.budgetHolder.rawValue, m.model.rawValue, m.reason])
            }
        }
        files[PackFormat.organisation] = csv(org)
        files[PackFormat.restructures] = csv(restructures)

        var baselines = [PackFormat.baselineColumns]
        for (code, years) in try ledger.organisation.baselines().sorted(by: { $0.key < $1.key }) {
            for (year, amount) in years.sorted(by: { $0.key < $1.key }) { baselines.append([code.rawValue, year.description, amount.plain]) }
        }
        files[PackFormat.baselines] = csv(baselines)

        let positions = try ledger.positions.positionLines().byProposalYear()
        var proposals = [PackFormat.proposalColumns + window.years.map(\.description)]
        for p in try ledger.books.proposals() {
            proposals.append(
                [
                    p.ref.rawValue, p.title, p.directorate, p.owner.rawValue, p.category, p.recurrence.rawValue, CostCentreShare.format(p.costCentres),
                    p.deliveryStart?.monthText ?? "", p.replaces?.rawValue ?? "", p.fund == Proposal.generalFund ? "" : p.fund,
                    p.portfolio ?? "", p.portfolioHolder ?? "", p.risk?.rawValue ?? "", p.priority ?? "",
                ]
                    + window.years.map { y in
                        let target = positions[p.ref]?[y]?.originalTarget ?? .zero
                        // A one-off's empty cell after a saving would fall out on loading: "0" says nothing does.
                        let before = y > window.first ? positions[p.ref]?[FinancialYear(startYear: y.startYear - 1)]?.originalTarget ?? .zero : .zero
                        if target.isZero { return p.recurrence == .oneOff && before > .zero ? "0" : "" }
                        return target.plain
                    })
        }
        files[PackFormat.proposals] = csv(proposals)

        let entries = try ledger.journal.entries()
        let reversed = Set(entries.compactMap(\.reverses))
        let kinds = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.kind) })
        var adjustments = [PackFormat.adjustmentColumns]
        var deliveryPeriods: [Period: Set<ProposalYear>] = [:]
        for e in entries {
            switch e.kind {
            case .slip where !reversed.contains(e.id):
                adjustments.append([
                    e.effective.description, e.proposal.rawValue, "slip", e.year.description, e.amount.plain, e.toYear?.description ?? "", e.reason,
                ])
            case .unachievable where !reversed.contains(e.id):
                adjustments.append([e.effective.description, e.proposal.rawValue, "unachievable", e.year.description, e.amount.plain, "", e.reason])
            case .deliver, .reduce:
                deliveryPeriods[e.period, default: []].insert(ProposalYear(e.proposal, e.year))
            case .reverse:
                if let r = e.reverses, kinds[r] == .deliver || kinds[r] == .reduce {
                    deliveryPeriods[e.period, default: []].insert(ProposalYear(e.proposal, e.year))
                }
            default: break
            }
        }
        files[PackFormat.adjustments] = csv(adjustments)

        // The impacts identified when each saving was risk-assessed.
        let identified = try ledger.returns.identifiedImpacts()
        if !identified.isEmpty {
            files[PackFormat.impacts] = csv(
                [PackFormat.impactColumns]
                    + identified.sorted { $0.key < $1.key }.flatMap { _, list in list.map { [$0.ref.rawValue, $0.kind.rawValue, $0.impact, $0.mitigation] } })
        }
        // Service impacts reported, by month.
        var impacts: [Period: [ProposalYear: ObservedImpact]] = [:]
        for r in try ledger.returns.impactReports(asOf: nil) { impacts[r.period, default: [:]][ProposalYear(r.ref, r.year)] = r.impact }

        // Returns: every period with a delivery movement, a forecast or a service impact.
        var forecasts: [Period: [ProposalYear: ForecastRecord]] = [:]
        for p in try ledger.returns.forecastPeriods() { forecasts[p] = [:] }
        for period in forecasts.keys {
            for f in try ledger.returns.latestForecasts(asOf: period) where f.period == period {
                forecasts[period]?[ProposalYear(f.proposal, f.year)] = f
            }
        }
        for period in Set(deliveryPeriods.keys).union(forecasts.keys).union(impacts.keys).sorted() {
            var delivered: [ProposalYear: Pence] = [:]
            for line in try ledger.positions.positionLines(asOf: period) {
                delivered[ProposalYear(line.proposal, line.year), default: .zero] += line.position.delivered
            }
            let keys = (deliveryPeriods[period] ?? []).union(forecasts[period]?.keys ?? [ProposalYear: ForecastRecord]().keys)
                .union(impacts[period]?.keys ?? [ProposalYear: ObservedImpact]().keys)
            var rows = [PackFormat.returnColumns]
            for key in keys.sorted() {
                let f = forecasts[period]?[key]
                rows.append([
                    key.ref.rawValue, key.year.description, (delivered[key] ?? .zero).plain, f?.forecast.plain ?? "", f?.rag.rawValue ?? "",
                    f?.comment ?? "", f?.status?.green.plain ?? "", f?.status?.amber.plain ?? "", f?.status?.red.plain ?? "",
                    impacts[period]?[key]?.text ?? "", impacts[period]?[key].map { $0.foreseen ? "yes" : "no" } ?? "",
                ])
            }
            files["\(PackFormat.returns)/\(period.monthText).csv"] = csv(rows)
        }
        return files
    }

    /// RFC 4180 text. Values are written verbatim (a pack is data to load back, not a spreadsheet to open).
    public static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map(CSVFile.quote).joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: - hledger / ledger-cli journal

    /// The account name an hledger journal uses: `mtfs:requirement:2023/24`, or
    /// `savings:<directorate>:<ref>:<year>:<state>:<cost centre>`.
    public static func hledgerAccount(_ key: AccountKey, directorate: String) -> String {
        guard let ref = key.proposal, let centre = key.costCentre else { return "mtfs:requirement:\(key.year)" }
        return ["savings", directorate, ref.rawValue, key.year.description, key.kind.rawValue, centre.rawValue].map(hledgerName).joined(separator: ":")
    }

    /// A name part safe in an hledger account: no colons, no runs of spaces (two spaces end a name),
    /// no comment or control characters.
    static func hledgerName(_ text: String) -> String {
        var out = ""
        var lastSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .control {
                if !lastSpace && !out.isEmpty { out += " " }
                lastSpace = true
                continue
            }
            lastSpace = false
            switch scalar {
            case ":", ";", "(", ")", "[", "]", "|", "#", "*", "!", "@", "=": out += "-"
            default: out.unicodeScalars.append(scalar)
            }
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out.isEmpty ? "-" : out
    }

    /// One-line text for a journal description or comment.
    static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }

    /// Streams the whole ledger as an hledger journal: one transaction per entry, amounts in GBP.
    public static func hledger(_ ledger: Ledger, write: (String) throws -> Void) throws {
        let directorates = Dictionary(uniqueKeysWithValues: try ledger.books.proposals().map { ($0.ref, $0.directorate) })
        try write(
            "; mtfs ledger export: one transaction per ledger entry, amounts in GBP.\n; Check with: hledger -f FILE bal   or   ledger -f FILE bal\n\n"
        )
        try write("commodity 1000.00 GBP\n\n")
        // Every account declared before it is used: `hledger check --strict` refuses an undeclared one.
        var declared = Set<String>()
        var declarations = ""
        try ledger.journal.forEachAccount { key in
            let account = hledgerAccount(key, directorate: directorates[key.proposal ?? ""] ?? "unknown")
            if declared.insert(account).inserted { declarations += "account \(account)\n" }
        }
        try write(declarations + "\n")
        try ledger.journal.forEachEntry { e in
            var text = "\(e.effective) * (\(e.id)) \(e.kind.rawValue) \(oneLine(e.proposal.rawValue)) \(e.year)"
            if let to = e.toYear { text += " to \(to)" }
            if let r = e.reverses { text += " reversing \(r)" }
            text += "\n    ; by \(oneLine(e.actor)) at \(e.recordedAt); source \(oneLine(e.source))\n"
            if !e.reason.isEmpty { text += "    ; reason \(oneLine(e.reason))\n" }
            text += "    ; hash \(e.hash)\n"
            for p in e.postings.sorted(by: { $0.account < $1.account }) {
                let account = hledgerAccount(p.account, directorate: directorates[p.account.proposal ?? ""] ?? "unknown")
                text += "    \(account)  \(p.amount.plain) GBP\n"
            }
            try write(text + "\n")
        }
    }
}
