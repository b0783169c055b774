import MTFSDomain

/// A finding's sentence on a web page: each part escaped, amounts set in tabular figures and never
/// broken across lines, proposal refs and cost centre codes marked so a page can style or link them.
public enum FindingHTML {
    public static func sentence(_ m: FindingMessage) -> String {
        m.parts.map { part in
            switch part {
            case .text(let s): Escape.html(s)
            case .amount(let p): "<span class=\"money\">\(Escape.html(p.description))</span>"
            case .year, .period, .date: "<span class=\"when\">\(Escape.html(part.text))</span>"
            case .proposal(let ref, let title, let owner):
                "<span class=\"ref\">\(Escape.html(ref.rawValue))</span>" + (title.map { " “\(Escape.html($0))”" } ?? "")
                    + (owner.map { " (\(Escape.html($0)))" } ?? "")
            case .costCentre(let code, let name):
                "<span class=\"cc\">\(Escape.html(code.rawValue))</span>" + (name.map { " (\(Escape.html($0)))" } ?? "")
            }
        }.joined()
    }
}
