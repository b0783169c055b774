/// Text people type in words — a comment, a sign-off note, a service impact, a mitigation: any
/// characters on several lines, but no control characters (an escape sequence in a comment would
/// reach a terminal through a CSV) and no more than its limit. The one rule every way in applies.
public enum PlainText {
    /// The control characters words may hold: tab and line breaks.
    public static let whitespace: Set<Unicode.Scalar> = ["\t", "\n", "\r"]

    /// What a spreadsheet cell holds: a return's comment may be as long.
    public static let cellLimit = 32_767
    /// A sign-off's comment, a service impact or a mitigation: a paragraph or two.
    public static let noteLimit = 2_000

    /// Why `text` is not plain text of up to `limit` characters, completing "the comment …", or nil.
    public static func problem(_ text: String, limit: Int) -> String? {
        if text.containsControlCharacters(allowing: whitespace) { return "contains control characters (an escape sequence?); expected plain text" }
        if text.count > limit { return "has \(Pence.grouped(String(text.count))) characters; expected at most \(Pence.grouped(String(limit)))" }
        return nil
    }
}

extension PlainText {
    /// A return's comment or a mitigation: plain text, up to a spreadsheet cell.
    public static func checkComment(_ text: String) throws(LedgerError) { try checkNote(text, what: "comment") }

    /// An entry's reason (why it was slipped, written off, reversed …), shown in every journal: plain
    /// text, and never a character that shows it in another order than it is.
    public static func checkReason(_ text: String) throws(LedgerError) { try checkText(text, what: "reason", limit: cellLimit) }

    /// Text people type that may run over lines (a reason, a service impact returned): plain text
    /// up to `limit` characters, never a character that shows it in another order than it is.
    public static func checkText(_ text: String, what: String, limit: Int) throws(LedgerError) {
        if let problem = problem(text, limit: limit) { throw LedgerError.badField(what, "the \(what) \(problem)") }
        if text.containsDirectionOverrides {
            throw LedgerError.badField(what, "the \(what) contains a character that reverses the direction of text (U+202A–U+202E or U+2066–U+2069); type it without")
        }
    }

    /// Refuses text longer than `limit` as the database counts it (in Unicode scalars: an accented
    /// letter typed as letter and accent is two), for the fields the database itself bounds (a cost
    /// centre code, a fund, a portfolio), so the rule refuses what the database's guard would.
    public static func checkStoredLength(_ text: String, what: String, limit: Int) throws(LedgerError) {
        if text.unicodeScalars.count > limit { throw LedgerError.badField(what, "the \(what) is longer than \(limit) characters; shorten it") }
    }

    /// The longest name accepted: a title or a name fits on a statement's line, where a paragraph
    /// pasted by mistake would not.
    public static let nameLimit = 500

    /// A note people type (a comment, an entry's reason): plain text, up to a spreadsheet cell.
    public static func checkNote(_ text: String, what: String) throws(LedgerError) {
        if let problem = problem(text, limit: cellLimit) { throw LedgerError.badField(what, "the \(what) \(problem)") }
    }

    /// A name (a title, an owner, a directorate): not empty, at most `limit` characters, no control
    /// characters (a tab neither: "Helen\tBrandt" would print as a second Helen Brandt), no
    /// character that shows the text in another order than it is (in a published report too), and
    /// none that shows as nothing (``Swift/String/invisibleCharacter``: "Helen\u{200B} Brandt"
    /// would look like Helen Brandt). Each refusal names its field (`LedgerError.badField`).
    public static func checkName(_ text: String, what: String, limit: Int = nameLimit) throws(LedgerError) {
        if text.trimmingSpaces().isEmpty { throw LedgerError.badField(what, "the \(what) cannot be empty") }
        if text.count > limit { throw LedgerError.badField(what, "the \(what) is longer than \(limit) characters (\(text.count)); shorten it") }
        if text.containsControlCharacters(allowing: []) {
            throw LedgerError.badField(what, "the \(what) \"\(text.debugDescription.dropFirst().dropLast())\" contains control characters")
        }
        if text.containsDirectionOverrides {
            throw LedgerError.badField(what, "the \(what) contains a character that reverses the direction of text (U+202A–U+202E or U+2066–U+2069); type it without")
        }
        if let problem = text.invisibleProblem { throw LedgerError.badField(what, "the \(what) \(problem)") }
        // One letter with a pile of accents on it (`T̴̡̛…`) counts as one character but is drawn over
        // the lines around it.
        if text.contains(where: { $0.unicodeScalars.count > 16 }) {
            throw LedgerError.badField(what, "the \(what) has a letter with more than 15 accents or marks on it; type it without")
        }
    }
}
