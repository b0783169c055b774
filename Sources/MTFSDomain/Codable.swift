// The domain's values in JSON as a reader expects them, not as their stored fields: money as an
// integer of pence, a year as "2023/24", a period as "2023/24 P7", a date as "2023-10-31". Reports
// are encoded from their own types (`Encodable`), so every JSON the product writes agrees.

extension Pence {
    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// Decodes a value written as its text, with the domain's own parser and message.
private func decodeText<T>(_ decoder: Decoder, _ parse: (String) throws -> T) throws -> T {
    let c = try decoder.singleValueContainer()
    let text = try c.decode(String.self)
    do { return try parse(text) } catch let e as KindedError {
        throw DecodingError.dataCorruptedError(in: c, debugDescription: e.explanation)
    }
}

extension FinancialYear {
    public init(from decoder: Decoder) throws { self = try decodeText(decoder) { try FinancialYear(parsing: $0) } }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension Period {
    public init(from decoder: Decoder) throws { self = try decodeText(decoder) { try Period(parsing: $0) } }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension CivilDate {
    public init(from decoder: Decoder) throws { self = try decodeText(decoder) { try CivilDate(parsing: $0) } }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension ChainHead {
    /// `N:HEX`, as printed and as `verify --anchor` takes it.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        do { self = try ChainHead(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a ledger head such as 1416:8d7af6d5, found \"\(text)\"")
        }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension Finding: Encodable {
    private enum Keys: String, CodingKey { case code, name, severity, refs, cost_centre, year, amount_pence, message, parts }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(code, forKey: .code)
        try c.encode(code.name, forKey: .name)
        try c.encode(severity, forKey: .severity)
        try c.encode(refs, forKey: .refs)
        try c.encode(costCentre, forKey: .cost_centre)
        try c.encode(year, forKey: .year)
        try c.encode(amount, forKey: .amount_pence)
        try c.encode(message, forKey: .message)
        try c.encode(sentence.parts, forKey: .parts)
    }
}

extension FindingMessage.Part: Encodable {
    private enum Keys: String, CodingKey { case text, amount_pence, year, period, date, ref, title, owner, cost_centre, name }
    /// One object a part: `{"text": …}`, `{"amount_pence": …}`, `{"ref": …, "title": …, "owner": …}`, …
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .text(let s): try c.encode(s, forKey: .text)
        case .amount(let p): try c.encode(p, forKey: .amount_pence)
        case .year(let y): try c.encode(y, forKey: .year)
        case .period(let p): try c.encode(p, forKey: .period)
        case .date(let d): try c.encode(d, forKey: .date)
        case .proposal(let ref, let title, let owner):
            try c.encode(ref, forKey: .ref)
            try c.encodeIfPresent(title, forKey: .title)
            try c.encodeIfPresent(owner, forKey: .owner)
        case .costCentre(let code, let name):
            try c.encode(code, forKey: .cost_centre)
            try c.encodeIfPresent(name, forKey: .name)
        }
    }
}

extension JournalEntry: Encodable {
    private enum Keys: String, CodingKey {
        case entry, effective, period, kind, ref, year, to_year, amount_pence, reverses, actor, on_behalf_of, recorded_at, reason, source,
            postings, prev_hash, hash
    }
    private enum PostingKeys: String, CodingKey { case account, state, year, cost_centre, amount_pence }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(content.id, forKey: .entry)
        try c.encode(content.effective, forKey: .effective)
        try c.encode(period, forKey: .period)
        try c.encode(content.kind.rawValue, forKey: .kind)
        try c.encode(content.proposal, forKey: .ref)
        try c.encode(content.year, forKey: .year)
        try c.encode(content.toYear, forKey: .to_year)
        try c.encode(amount, forKey: .amount_pence)
        try c.encode(content.reverses, forKey: .reverses)
        try c.encode(content.actor, forKey: .actor)
        try c.encode(onBehalfOf, forKey: .on_behalf_of)
        try c.encode(content.recordedAt, forKey: .recorded_at)
        try c.encode(content.reason, forKey: .reason)
        try c.encode(content.source, forKey: .source)
        var legs = c.nestedUnkeyedContainer(forKey: .postings)
        for p in content.postings {
            var leg = legs.nestedContainer(keyedBy: PostingKeys.self)
            try leg.encode(p.account.description, forKey: .account)
            try leg.encode(p.account.kind.rawValue, forKey: .state)
            try leg.encode(p.account.year, forKey: .year)
            try leg.encode(p.account.costCentre, forKey: .cost_centre)
            try leg.encode(p.amount, forKey: .amount_pence)
        }
        try c.encode(prevHash, forKey: .prev_hash)
        try c.encode(hash, forKey: .hash)
    }
}

extension SignOff: Encodable {
    private enum Keys: String, CodingKey { case id, holder, period, signed_by, on_behalf_of, signed_at, comment, head }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(holder, forKey: .holder)
        try c.encode(period, forKey: .period)
        try c.encode(signedBy, forKey: .signed_by)
        try c.encode(onBehalfOf, forKey: .on_behalf_of)
        try c.encode(signedAt, forKey: .signed_at)
        try c.encode(comment, forKey: .comment)
        try c.encode(head, forKey: .head)
    }
}
