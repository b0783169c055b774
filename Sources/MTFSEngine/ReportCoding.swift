import MTFSDomain

// The reports' JSON, from their own types: keys in snake case, money in pence under `…_pence`,
// years, periods and dates as their text. Renderers encode these; nobody writes JSON by hand.

extension HolderStatement: Encodable {
    private enum Keys: String, CodingKey {
        case holder, period, year, as_at, directorates, cost_centres, years_ahead, owned, others, totals, findings, more_findings, impacts, entries,
            previous_sign_off, head, latest_returns, signature, outside_mtfs, awaiting_returns, trend
    }
    private enum ReturnKeys: String, CodingKey { case directorate, period }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(holder, forKey: .holder)
        try c.encode(period, forKey: .period)
        try c.encode(period.year, forKey: .year)
        try c.encode(asAt, forKey: .as_at)
        try c.encode(directorates, forKey: .directorates)
        try c.encode(centres, forKey: .cost_centres)
        try c.encode(yearsAhead, forKey: .years_ahead)
        try c.encode(owned, forKey: .owned)
        try c.encode(others, forKey: .others)
        try c.encode(totals, forKey: .totals)
        try c.encode(findings, forKey: .findings)
        try c.encode(moreFindings, forKey: .more_findings)
        try c.encode(
            impacts.sorted { $0.key < $1.key }.map { ref, i in
                StatementImpacts(
                    ref: ref, identified: i.identified.map { .init(kind: $0.kind.rawValue, impact: $0.impact, mitigation: $0.mitigation) },
                    reported: i.reported.map {
                        .init(period: $0.period, impact: $0.impact.text, said_foreseen: $0.impact.foreseen, unforeseen: $0.unforeseen(identified: i.identified))
                    })
            }, forKey: .impacts)
        try c.encode(entries, forKey: .entries)
        try c.encode(previousSignOff, forKey: .previous_sign_off)
        try c.encode(head, forKey: .head)
        var returns = c.nestedUnkeyedContainer(forKey: .latest_returns)
        for r in latestReturns {
            var item = returns.nestedContainer(keyedBy: ReturnKeys.self)
            try item.encode(r.directorate, forKey: .directorate)
            try item.encode(r.period, forKey: .period)
        }
        try c.encode(signature, forKey: .signature)
        try c.encode(outsideWindow, forKey: .outside_mtfs)
        try c.encode(awaitingReturns, forKey: .awaiting_returns)
        try c.encode(trend, forKey: .trend)
    }
}

extension HolderStatement.TrendPoint: Encodable {
    private enum Keys: String, CodingKey { case period, delivered_pence, profiled_pence, variance_pence, behind }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(period, forKey: .period)
        try c.encode(delivered, forKey: .delivered_pence)
        try c.encode(profiled, forKey: .profiled_pence)
        try c.encode(variance, forKey: .variance_pence)
        try c.encode(behind, forKey: .behind)
    }
}

extension HolderStatement.Line: Encodable {
    private enum Keys: String, CodingKey {
        case ref, title, owner, owned, cost_centres, original_target_pence, current_target_pence, profiled_pence, delivered_pence,
            variance_pence, forecast_pence, rag, comment, movement_pence, years_ahead_pence, whole_target_pence, behind, returned
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ref, forKey: .ref)
        try c.encode(title, forKey: .title)
        try c.encode(owner, forKey: .owner)
        try c.encode(owned, forKey: .owned)
        try c.encode(costCentres, forKey: .cost_centres)
        try c.encode(originalTarget, forKey: .original_target_pence)
        try c.encode(currentTarget, forKey: .current_target_pence)
        try c.encode(profiled, forKey: .profiled_pence)
        try c.encode(delivered, forKey: .delivered_pence)
        try c.encode(variance, forKey: .variance_pence)
        try c.encode(forecast, forKey: .forecast_pence)
        try c.encode(rag, forKey: .rag)
        try c.encode(comment, forKey: .comment)
        try c.encode(movement, forKey: .movement_pence)
        try c.encode(ahead, forKey: .years_ahead_pence)
        try c.encode(wholeTarget, forKey: .whole_target_pence)
        try c.encode(behind, forKey: .behind)
        try c.encode(returned, forKey: .returned)
    }
}

extension HolderStatement.Totals: Encodable {
    private enum Keys: String, CodingKey {
        case original_target_pence, current_target_pence, profiled_pence, delivered_pence, variance_pence, forecast_pence, movement_pence,
            years_ahead_pence, behind
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(originalTarget, forKey: .original_target_pence)
        try c.encode(currentTarget, forKey: .current_target_pence)
        try c.encode(profiled, forKey: .profiled_pence)
        try c.encode(delivered, forKey: .delivered_pence)
        try c.encode(variance, forKey: .variance_pence)
        try c.encode(forecast, forKey: .forecast_pence)
        try c.encode(movement, forKey: .movement_pence)
        try c.encode(ahead, forKey: .years_ahead_pence)
        try c.encode(behind, forKey: .behind)
    }
}

extension HolderStatement.Centre: Encodable {
    private enum Keys: String, CodingKey { case code, name, service, directorate, baseline_pence, since }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(service, forKey: .service)
        try c.encode(directorate, forKey: .directorate)
        try c.encode(baseline, forKey: .baseline_pence)
        try c.encode(since, forKey: .since)
    }
}

extension HolderStatement.Signature: Encodable {
    private enum Keys: String, CodingKey { case status, sign_off, changes }
    private enum ChangeKeys: String, CodingKey { case figure, amount_pence }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .notSigned:
            try c.encode("not signed", forKey: .status)
        case .signed(let o):
            try c.encode("signed", forKey: .status)
            try c.encode(o, forKey: .sign_off)
        case .changed(let o, let changes):
            try c.encode("changed since signed", forKey: .status)
            try c.encode(o, forKey: .sign_off)
            var list = c.nestedUnkeyedContainer(forKey: .changes)
            for change in changes {
                var item = list.nestedContainer(keyedBy: ChangeKeys.self)
                try item.encode(change.figure, forKey: .figure)
                try item.encode(change.amount, forKey: .amount_pence)
            }
        }
    }
}

extension Summary: Encodable {
    private enum Keys: String, CodingKey { case as_of, structure, grouping, head, rows, totals, top_findings, finding_count, latest_returns, impacts }
    private struct ImpactCoding: Encodable {
        var ref: ProposalRef, year: FinancialYear, period: Period, impact: String, said_foreseen: Bool, unforeseen: Bool
        var owner: String, portfolio: String?, portfolio_holder: String?
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(
            impacts.map {
                ImpactCoding(
                    ref: $0.report.ref, year: $0.report.year, period: $0.report.period, impact: $0.report.impact.text,
                    said_foreseen: $0.report.impact.foreseen, unforeseen: $0.unforeseen, owner: $0.proposal.owner.rawValue, portfolio: $0.proposal.portfolio,
                    portfolio_holder: $0.proposal.portfolioHolder)
            }, forKey: .impacts)
        try c.encode(asOf, forKey: .as_of)
        try c.encode(structure, forKey: .structure)
        try c.encode(grouping.rawValue, forKey: .grouping)
        try c.encode(head, forKey: .head)
        try c.encode(rows, forKey: .rows)
        try c.encode(totals, forKey: .totals)
        try c.encode(topFindings, forKey: .top_findings)
        try c.encode(findingCount, forKey: .finding_count)
        try c.encode(latestReturns, forKey: .latest_returns)
    }
}

extension Summary.Row: Encodable {
    private enum Keys: String, CodingKey {
        case fund, directorate, year, original_target_pence, current_target_pence, delivered_pence, forecast_pence, no_forecast_pence,
            slipped_pence, unachievable_pence, falls_out_pence, delivery_rate, delivery_rate_original, weighted_forecast_pence
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(fund, forKey: .fund)
        try c.encode(directorate, forKey: .directorate)
        try c.encode(year, forKey: .year)
        try c.encode(originalTarget, forKey: .original_target_pence)
        try c.encode(currentTarget, forKey: .current_target_pence)
        try c.encode(delivered, forKey: .delivered_pence)
        try c.encode(forecast, forKey: .forecast_pence)
        try c.encode(noForecast, forKey: .no_forecast_pence)
        try c.encode(slipped, forKey: .slipped_pence)
        try c.encode(unachievable, forKey: .unachievable_pence)
        try c.encode(fallsOut, forKey: .falls_out_pence)
        try c.encode(deliveryRate.map { ($0 * 10_000).rounded() / 10_000 }, forKey: .delivery_rate)
        try c.encode(deliveryRateOfOriginal.map { ($0 * 10_000).rounded() / 10_000 }, forKey: .delivery_rate_original)
        try c.encode(weightedForecast, forKey: .weighted_forecast_pence)
    }
}

/// The reconciliation as a report: when, at which head, the latest period each directorate has
/// returned (what its proposals were judged as at), and what it found.
public struct ReconciliationReport: Encodable, Sendable {
    public var asOf: Period
    public var head: ChainHead
    public var findings: [Finding]
    /// By directorate, its latest period with returns (by the as-of period).
    public var latestReturns: [String: Period]
    /// The filter the findings passed, when not all are shown.
    public var filter: FindingFilter?

    public init(asOf: Period, head: ChainHead, findings: [Finding], latestReturns: [String: Period] = [:]) {
        self.asOf = asOf
        self.head = head
        self.findings = findings
        self.latestReturns = latestReturns
    }

    /// The report of `findings` made from `input`.
    public init(_ input: ReconciliationInput, findings: [Finding]) {
        self.init(asOf: input.asOf, head: input.head, findings: findings, latestReturns: input.directorateReturns.mapValues(\.period))
    }

    private enum Keys: String, CodingKey { case as_of, head, findings, latest_returns, filter }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(asOf, forKey: .as_of)
        try c.encode(head, forKey: .head)
        try c.encode(findings, forKey: .findings)
        try c.encode(latestReturns, forKey: .latest_returns)
        try c.encode(filter, forKey: .filter)
    }
}

/// A statement's service impacts for one proposal, as JSON.
struct StatementImpacts: Encodable {
    struct Identified: Encodable { var kind: String, impact: String, mitigation: String }
    struct Reported: Encodable { var period: Period, impact: String, said_foreseen: Bool, unforeseen: Bool }
    var ref: ProposalRef
    var identified: [Identified]
    var reported: [Reported]
}
