import Foundation

/// How alike two proposal titles are, judged as a person does (SPEC §6 v3, DC04).
///
/// - Word forms meet: a word is reduced to its stem (`photocopying` and `photocopier` to
///   `photocop`, `leasing` and `leases` to `leas`), and a stem is cut to its first eight letters, so
///   longer forms match by prefix (`decommissioning`, `decommission`).
/// - Each word weighs by how rare it is in this programme's titles: ln(titles ÷ titles with it), so
///   a word in every title weighs nothing. A word in more than a tenth of the titles (and more than
///   three) is the programme's template or its everyday vocabulary (a template's "delta",
///   "contract"): it still weighs in how much of a title two titles share (so "Service desk contract"
///   is not "Service desk restructure"), but it is never evidence on its own, nor indexed.
/// - Two titles are alike when the words they share carry at least `containment` of the weight of
///   the lighter title (so "Reduce street lighting energy costs" is inside "Street lighting energy
///   cost reduction through LED conversion"), at least 40% of the weight of both together (so a
///   short title is not alike every long one that mentions it), and at least as much evidence as
///   one word found in one title in ten (so a template's shared words never make a pair; in a
///   programme of under twenty titles, one word found in two).
public struct TitleSimilarity: Sendable {
    /// Titles in the programme, and how many hold each stem.
    public let titles: Int
    private var frequency: [String: Int] = [:]

    /// The share of both titles' weight the shared words must carry (weighted Jaccard).
    public static let minimumOverlap = 0.4
    /// The least evidence, in weight, a pair must share: one word in one title in ten (in a
    /// programme of fewer than twenty titles, one word in just the two).
    public static func minimumEvidence(titles: Int) -> Double { min(log(10.0), log(Double(max(2, titles)) / 2)) }

    public init(titles: [String]) {
        self.titles = titles.count
        for title in titles { for stem in TitleWords.of(title) { frequency[stem, default: 0] += 1 } }
    }

    /// Built from stems already found (one set a title).
    public init(stems: [Set<String>]) {
        titles = stems.count
        for set in stems { for stem in set { frequency[stem, default: 0] += 1 } }
    }

    /// How many titles hold the stem.
    public func count(_ stem: String) -> Int { frequency[stem] ?? 0 }

    /// A stem's weight: ln(titles ÷ titles holding it) — nothing for a word in every title.
    public func weight(_ stem: String) -> Double {
        TitleSimilarity.weight(count: count(stem), titles: titles)
    }

    static func weight(count: Int, titles: Int) -> Double {
        guard count > 0, titles > 0 else { return 0 }
        return log(Double(titles) / Double(count))
    }

    /// Whether a word is in so many titles that it says nothing about which saving a title is.
    static func isCommon(count: Int, titles: Int) -> Bool { count > max(3, titles / 10) }

    /// The comparison of two titles' stems.
    public struct Score: Sendable, Hashable {
        /// Weight of the shared words over the lighter title's weight.
        public var containment: Double
        /// Weight of the shared words over both titles' weight together.
        public var overlap: Double
        /// Weight of the shared words, and the least the programme asks for.
        public var evidence: Double
        public var requiredEvidence: Double

        /// Whether the titles are alike at `containment` (0…1).
        public func alike(at threshold: Double) -> Bool {
            evidence >= requiredEvidence - 1e-9 && overlap >= TitleSimilarity.minimumOverlap - 1e-9 && containment >= threshold - 1e-9
        }
    }

    public func score(_ a: Set<String>, _ b: Set<String>) -> Score {
        let wa = a.reduce(0) { $0 + weight($1) }
        let wb = b.reduce(0) { $0 + weight($1) }
        let both = a.intersection(b)
        let shared = both.reduce(0) { $0 + weight($1) }
        let evidence = both.filter { !TitleSimilarity.isCommon(count: count($0), titles: titles) }.reduce(0) { $0 + weight($1) }
        return TitleSimilarity.score(shared: shared, evidence: evidence, a: wa, b: wb, titles: titles)
    }

    /// `shared`: the weight of every shared word; `evidence`: of the shared words that are not common.
    static func score(shared: Double, evidence: Double, a: Double, b: Double, titles: Int) -> Score {
        let required = minimumEvidence(titles: titles)
        guard shared > 0 else { return Score(containment: 0, overlap: 0, evidence: 0, requiredEvidence: required) }
        return Score(containment: shared / min(a, b), overlap: shared / (a + b - shared), evidence: evidence, requiredEvidence: required)
    }

    /// Whether two titles are alike at `containment` (0…1), in this programme.
    public func alike(_ a: String, _ b: String, containment: Double) -> Bool {
        score(TitleWords.of(a), TitleWords.of(b)).alike(at: containment)
    }
}

/// The words of a proposal title that say what the saving is: lower case, stop words and the generic
/// vocabulary of savings programmes ("review", "reduce", "efficiencies") removed, word forms stemmed.
public enum TitleWords {
    static let stop: Set<String> = [
        "a", "an", "the", "of", "and", "or", "to", "for", "in", "on", "at", "with", "by", "from", "into", "through", "via", "across", "per",
        "using", "our", "its", "their", "new", "further", "additional", "phase", "programme", "project", "plan", "council", "review",
        "reduce", "reduc", "reduction", "reduced", "increase", "increas", "saving", "efficiency", "efficienc", "efficienci", "cost",
        "service", "servic", "improve", "improvement", "better", "more", "less", "all", "two", "three", "one", "proposal", "propos",
        "savings", "costs", "services",
        // The verbs of cutting say that a saving is made, not which: "Cut senior management posts" is
        // "Senior management post reductions".
        "cut", "cuts", "end", "stop", "remove", "removal", "withdraw", "withdrawal", "withdrawn", "cease", "delete", "deletion",
        "terminate", "terminat", "termination", "termin", "pause", "introduce", "introduc", "introduction", "implement",
        "implementation", "measure", "measur", "change", "chang", "growth", "use", "usag",
    ]

    /// The title's meaningful words, stemmed.
    public static func of(_ title: String) -> Set<String> {
        var out: Set<String> = []
        forEach(in: title) { _, stem in out.insert(stem) }
        return out
    }

    /// The title's meaningful words as written (lower case, in order, each once) whose stems are in
    /// `stems`: what a message shows ("renegotiate", not the stem "renegoti").
    public static func spelled(in title: String, stems: Set<String>, oncePerStem: Bool = false) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        forEach(in: title) { word, stem in
            if stems.contains(stem), !out.contains(word), !oncePerStem || seen.insert(stem).inserted { out.append(word) }
        }
        return out
    }

    /// Each meaningful word of the title, lower case, with its stem.
    private static func forEach(in title: String, _ body: (_ word: String, _ stem: String) -> Void) {
        var word = ""
        func flush() {
            defer { word = "" }
            guard word.count > 1 else { return }
            let s = stem(word)
            if !stop.contains(word) && !stop.contains(s) { body(word, s) }
        }
        for scalar in title.lowercased().unicodeScalars {
            // A hyphen after a prefix joins it to its word: re-procure is reprocure, pre-application preapplication.
            if scalar == "-", joinedPrefixes.contains(word) { continue }
            if isWordScalar(scalar) { word.unicodeScalars.append(scalar) } else { flush() }
        }
        flush()
    }

    static let joinedPrefixes: Set<String> = ["re", "pre", "co", "non", "sub", "de", "multi", "inter", "self"]

    /// Letters, digits and the marks that combine with them; ASCII answered without a property lookup.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7a) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5a) }
        let p = s.properties
        if p.isAlphabetic || p.numericType != nil { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Endings taken off a word, longest first, and what replaces them: a noun meets its verb
    /// (`rationalisation`, `rationalise`), a plural its singular, `-ing` its stem. (`-er` is left to
    /// the eight-letter prefix: `photocopier` meets `photocopying` there, and `retender` keeps its `-er`.)
    static let endings: [(String, String)] = [
        ("isations", "is"), ("isation", "is"), ("ations", "at"), ("ation", "at"), ("itions", ""),
        ("ition", ""), ("ssions", "ssion"), ("ssion", "ssion"), ("tions", "t"), ("tion", "t"), ("sions", "s"), ("sion", "s"),
        ("ments", ""), ("ment", ""), ("nesses", ""), ("ness", ""), ("sures", "s"), ("sure", "s"), ("ings", ""),
        ("ing", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("ly", ""), ("als", ""), ("al", ""), ("es", ""), ("s", ""),
    ]

    /// The stem of a lower-case word: American -ize as British -ise, one ending off (keeping at
    /// least three letters), a doubled consonant left by -ing or -ed made single (capping, cap), a
    /// final `e` off, and at most eight letters kept, so longer forms meet by prefix.
    static func stem(_ w: String) -> String {
        var s = Substring(w)
        guard s.count > 3 else { return w }
        for american in ["izations", "ization", "izing", "izes", "ized", "ize"] where s.hasSuffix(american) {
            s = s.dropLast(american.count) + "is" + american.dropFirst(2)
            break
        }
        for (ending, replacement) in endings where s.hasSuffix(ending) && s.count - ending.count >= 3 {
            // "ss" is not a plural (process, address).
            if ending == "s" && s.hasSuffix("ss") { continue }
            // -al and -ion make nouns of verbs (renewal, disposal; collection, expansion) only on a
            // stem of four letters or more: total, union and region keep theirs.
            if ["al", "als", "tion", "tions", "sion", "sions"].contains(ending) && s.count - ending.count < 4 { continue }
            var rest = s.dropLast(ending.count) + replacement
            if ending == "ing" || ending == "ings" {
                // -ing is the verb's own form only where taking it off leaves the verb: a stem of five
                // letters or more (cleaning, charging), a doubled short one (capping), or a short one
                // that dropped a silent e (leasing, pricing, moving: the e comes back). Else the -ing
                // word is a noun of its own: parking is not park, planning not plan, funding not fund.
                var base = rest
                let doubled = base.count >= 2 && base.last == base.dropLast().last && "bdgmnprt".contains(base.last!)
                if doubled { base = base.dropLast() }
                let vowels = "aeiouy"
                let silentE = !doubled && (3...4).contains(base.count) && !vowels.contains(base.last!) && vowels.contains(base.dropLast().last!)
                if base.count >= 5 || (doubled && base.count <= 3) {
                    rest = base
                } else if silentE {
                    rest = base + "e"
                } else {
                    // A plural -ings still loses its s (meetings, meeting).
                    if ending == "ings" { s = s.dropLast() }
                    break
                }
            } else if ending == "ed", let last = rest.last, rest.dropLast().last == last, "bdgmnprt".contains(last) {
                rest = rest.dropLast()
            }
            // The -sion of a verb in -nd or -rt (expansion, extension, conversion) meets the verb.
            if ending == "sion" || ending == "sions", rest.count >= 6 {
                if rest.hasSuffix("ns") { rest = rest.dropLast() + "d" } else if rest.hasSuffix("rs") { rest = rest.dropLast() + "t" }
            }
            s = rest
            break
        }
        // A final e off (lease, leas) where four letters stay: care is not car.
        if s.count > 4 && s.hasSuffix("e") { s = s.dropLast() }
        return String(s.prefix(8))
    }
}
