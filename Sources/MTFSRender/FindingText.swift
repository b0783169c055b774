import MTFSDomain

/// A finding's sentence on a web page: each part escaped, amounts set in tabular figures and never
/// broken across lines, proposal refs and cost centre codes marked so a page can style or link them.
public enum FindingHTML {
    public static func sentence(_ m: FindingMessage) -> HTML {
        m.parts.map { part -> HTML in
            switch part {
            case .text(let s): "\(s)"
            case .amount(let p): "<span class=\"money\">\(p.description)</span>"
            case .year, .period, .date: "<span class=\"when\">\(part.text)</span>"
            case .proposal(let ref, let title, let owner):
                "<span class=\"ref\">\(ref.rawValue)</span>" + (title.map { " “\($0)”" } ?? .empty)
                    + (owner.map { " (\($0))" } ?? .empty)
            case .costCentre(let code, let name):
                "<span class=\"cc\">\(code.rawValue)</span>" + (name.map { " (\($0))" } ?? .empty)
            }
        }.joined()
    }
}
