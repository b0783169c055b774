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
