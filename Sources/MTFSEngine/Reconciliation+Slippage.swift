import MTFSDomain
import MTFSStore

/// Slippage, accountability, data quality and service impacts (SPEC §6: SL, AC, DQ, SI).
extension Reconciliation {
    // MARK: - Slippage

    /// SL01: delivered to date below the straight-line profile by more than the tolerance.
    func behindProfile() -> [Finding] {
        var out: [Finding] = []
        for p in input.proposals {
            // As at the return it is judged at (its owner's, or its directorate's made together): a
            // holder who has not returned for the latest month is not behind for lack of one.
            let own = input.judgedAt[p.ref]?.period
            let asOf = own.map { min($0, input.asOf) } ?? input.asOf
            for year in input.window.years where year <= asOf.year {
                let position = pos(p.ref, year)
                let t = position.currentTarget
                guard t > .zero else { continue }
                // A line never given a delivered figure is "not reported", not behind (SPEC §5 v3).
                if input.notReported(ReconciliationInput.key(p.ref, year), delivered: position.delivered) { continue }
                let profile = p.profiled(t, year: year, through: asOf)
                let shortfall = profile - position.delivered
                guard settings.isBehind(delivered: position.delivered, profile: profile) else { continue }
                let when =
                    year < asOf.year
                    ? "by the end of \(year)" : asOf < input.asOf ? "by \(asOf) (\(input.judgedAt[p.ref]?.byDirectorate == false ? p.owner.rawValue : p.directorate)'s latest return)" : "by \(asOf)"
                out.append(
                    Finding(
                        code: .SL01, severity: .high, refs: [p.ref], year: year, amount: shortfall,
                        message: "\(describe(proposal: p.ref)) has delivered \(position.delivered) of its \(t) target for \(year) \(when), "
                            + "against a profile of \(profile): \(shortfall) behind."))
            }
        }
        return out
    }

    /// DC05 (v3): a replacement (mitigation) mitigates what the proposal it replaces lost in the
    /// year — written off as unachievable or slipped out of it. It counts twice only beyond that:
    /// the replacement's target in the year less what the replaced one lost, capped at the replaced
    /// one's current target that year (what is still counted for it).
    func replacementOverlap() -> [Finding] {
        var out: [Finding] = []
        for q in input.proposals {
            guard let replacedRef = q.replaces, let p = proposal(replacedRef) else { continue }
            for year in input.window.years {
                let replacement = target(q.ref, year)
                let replaced = pos(p.ref, year)
                let lost = replaced.unachievable + max(.zero, replaced.slippedOut - replaced.slippedIn)
                let amount = min(replacement - lost, replaced.currentTarget)
                guard replacement > .zero, amount > .zero else { continue }
                let lostText: FindingMessage = lost.isZero ? "lost nothing (nothing written off or slipped out)" : "lost only \(lost) (written off or slipped out)"
                out.append(
                    Finding(
                        code: .DC05, severity: .critical, refs: [p.ref, q.ref], costCentre: p.costCentres.first?.costCentre, year: year,
                        amount: amount,
                        message:
                            "\(describe(proposal: q.ref)) replaces \(describe(proposal: p.ref)), yet in \(year) \(p.ref) \(lostText) and still counts "
                            + "\(replaced.currentTarget), while \(q.ref) targets \(replacement): \(amount) is counted twice. Write off or slip "
                            + "what \(p.ref) will not deliver, or reduce \(q.ref)."))
            }
        }
        return out
    }

    /// SL02: the forecast for the year below its current target.
    func forecastShortfall() -> [Finding] {
        input.forecasts.values.compactMap { f in
            let t = target(f.proposal, f.year)
            guard f.forecast < t else { return nil }
            let gap = t - f.forecast
            let severity: Severity = gap.rawValue * 4 >= t.rawValue ? .high : .medium
            return Finding(
                code: .SL02, severity: severity, refs: [f.proposal], year: f.year, amount: gap,
                // The month the forecast was last returned (a return saying it again confirms it), not
                // the month it was first given: "Amber, 2023/24 P1" read as seven months stale.
                message: "\(describe(proposal: f.proposal)) forecasts \(f.forecast) for \(f.year) against a target of \(t) "
                    + "(\(f.rag.name), returned \(max(f.period, input.returnedAt[ProposalYear(f.proposal, f.year)] ?? f.period))): a shortfall of \(gap).")
        }
    }

    /// SL03: target slipped more than once; slips of one proposal on the same day are one decision (v3).
    func repeatedSlippage() -> [Finding] {
        Dictionary(grouping: input.slips, by: \.proposal).compactMap { ref, slips in
            let days = Set(slips.map(\.effective))
            guard days.count > 1, let last = slips.last else { return nil }
            let total = slips.reduce(Pence.zero) { $0 + $1.amount }
            let each: [FindingMessage] = slips.map { "\($0.amount) from \($0.from) to \($0.to) on \($0.effective)" }
            return Finding(
                code: .SL03, severity: .medium, refs: [ref], year: last.from, amount: total,
                message:
                    "\(describe(proposal: ref)) has been slipped on \(days.count) different days (\(FindingMessage.list(each))), \(total) in all: "
                    + "ask whether it is still deliverable.")
        }
    }

    /// SL04: a cost centre moved and nothing has been delivered since.
    func stalledAfterRestructure() -> [Finding] {
        var out: [Finding] = []
        let year = input.asOf.year
        for p in input.proposals {
            // A move that kept the holder and the service (a directorate renamed) handed nothing over.
            let moved = p.costCentres.compactMap { share in
                moves(of: share.costCentre).last { $0.before.budgetHolder != $0.after.budgetHolder || $0.before.service != $0.after.service }
                    .map { (share.costCentre, $0.after) }
            }
            guard let latest = moved.max(by: { $0.1.effective < $1.1.effective }) else { continue }
            let remaining = pos(p.ref, year).remaining
            guard remaining > .zero else { continue }
            if let delivered = input.latestDelivery[p.ref], delivered >= latest.1.effective { continue }
            let centres = moved.map(\.0).sorted()
            out.append(
                Finding(
                    code: .SL04, severity: .high, refs: [p.ref], costCentre: latest.0, year: year, amount: remaining,
                    message:
                        "\(describe(proposal: p.ref)): \(FindingMessage.list(centres.map(code))) moved to \(latest.1.service) (\(latest.1.budgetHolder)) on "
                        + "\(latest.1.effective) and no delivery has been logged since; \(remaining) of its \(year) target remains."))
        }
        return out
    }

    // MARK: - Accountability and data quality

    /// AC01: after a restructure the owner holds none of the proposal's cost centres.
    func orphanedOwner() -> [Finding] {
        var out: [Finding] = []
        for p in input.proposals {
            let centres = p.costCentres.map(\.costCentre)
            let allMoves = centres.flatMap { c in moves(of: c).map { (c, $0) } }
            guard let firstMove = allMoves.min(by: { $0.1.after.effective < $1.1.after.effective }) else { continue }
            let heldBefore = centres.contains { input.model.assignment(of: $0, on: firstMove.1.before.effective)?.budgetHolder == p.owner }
            let heldNow = centres.contains { holder($0)?.budgetHolder == p.owner }
            guard heldBefore, !heldNow else { continue }
            let years = input.window.years.filter { $0 >= input.asOf.year }
            let remaining = years.reduce(Pence.zero) { $0 + max(.zero, pos(p.ref, $1).remaining) }
            guard remaining > .zero else { continue }
            let firstYear = years.first { pos(p.ref, $0).remaining > .zero }
            var byHolder: [String: [CostCentreCode]] = [:]
            for c in centres {
                byHolder[holder(c).map { "\($0.budgetHolder) (\($0.service), \($0.directorate))" } ?? "nobody", default: []].append(c)
            }
            let now: [FindingMessage] = byHolder.sorted { $0.key < $1.key }.map {
                "\(FindingMessage.list($0.value.sorted().map(code))) \($0.value.count == 1 ? "is" : "are") now held by \($0.key)"
            }
            out.append(
                Finding(
                    code: .AC01, severity: .high, refs: [p.ref], costCentre: firstMove.0, year: firstYear, amount: remaining,
                    message:
                        "After the restructure of \(firstMove.1.after.effective), \(p.owner) owns \(FindingMessage(parts: [.proposal(ref: p.ref, title: p.title, owner: nil)])) but holds none of its cost centres: "
                        + "\(FindingMessage.list(now)). \(remaining) of its target needs an accountable owner."))
        }
        return out
    }

    /// DQ01: no return for the proposal in the latest period that has returns.
    func staleReturn() -> [Finding] {
        input.proposals.compactMap { p in
            // Judged at its owner's latest return, or its directorate's made together (SPEC §6 v3):
            // one holder's early return makes no colleague stale.
            guard let (latest, byDirectorate) = input.judgedAt[p.ref], let reported = input.reportedIn[latest] else { return nil }
            let year = latest.year
            let t = target(p.ref, year)
            guard t > .zero else { return nil }
            let key = ReconciliationInput.key(p.ref, year)
            guard !reported.contains(key) else { return nil }
            let remaining = pos(p.ref, year).remaining
            // Nothing fully delivered is stale: there is nothing left to report.
            guard remaining > .zero else { return nil }
            let last = input.lastReturns[key]
            let lastText: FindingMessage = last.map { "its last return was \($0)" } ?? "it has never had a return"
            return Finding(
                code: .DQ01, severity: .medium, refs: [p.ref], year: year, amount: remaining,
                message:
                    "\(describe(proposal: p.ref)) is missing from \(byDirectorate ? p.directorate : p.owner.rawValue)'s \(latest) return (\(lastText)); \(remaining) of its \(year) target is unreported."
            )
        }
    }

    /// DQ02: the RAG says one thing and the forecast another.
    func ragMismatch() -> [Finding] {
        input.forecasts.values.compactMap { f in
            let t = target(f.proposal, f.year)
            // A RAG worked out from money by status is the money's own: DQ04 speaks for the money.
            guard t > .zero, f.status == nil else { return nil }
            let threshold = settings.ragForecastBasisPoints
            if f.rag == .blue || f.rag == .green, Pence.productLess(f.forecast.rawValue, 10_000, than: t.rawValue, Int64(threshold)) {
                return Finding(
                    code: .DQ02, severity: .medium, refs: [f.proposal], year: f.year, amount: t - f.forecast,
                    message: "\(describe(proposal: f.proposal)) is rated \(f.rag.name) for \(f.year) but forecasts \(f.forecast) of \(t) "
                        + "(below \(ReconcileSettings.formatPercent(threshold))): the rating should be Amber or Red.")
            }
            if f.rag == .red, f.forecast >= t {
                return Finding(
                    code: .DQ02, severity: .medium, refs: [f.proposal], year: f.year, amount: t,
                    message: "\(describe(proposal: f.proposal)) is rated Red for \(f.year) yet forecasts \(f.forecast), the whole target: "
                        + "either the rating or the forecast is wrong.")
            }
            return nil
        }
    }

    /// DQ03: Amber or Red with no mitigation.
    func missingMitigation() -> [Finding] {
        input.forecasts.values.compactMap { f in
            guard f.rag == .amber || f.rag == .red, f.comment.trimmingSpaces().isEmpty, target(f.proposal, f.year) > .zero else {
                return nil
            }
            let remaining = pos(f.proposal, f.year).remaining
            return Finding(
                code: .DQ03, severity: .low, refs: [f.proposal], year: f.year, amount: remaining,
                message: "\(describe(proposal: f.proposal)) is rated \(f.rag.name) for \(f.year) in \(f.period) with no comment: "
                    + "the return must say how the \(remaining) still to deliver will be mitigated.")
        }
    }
}
