import Foundation
import HTTPTypes
import Hummingbird
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// Responses and the page frame. Pages are ``HTML``: every value interpolated into one is escaped unless it is markup itself.
enum Pages {
    static let css = """
        nav.portal { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; border-bottom: 1px solid #c9d2dc; padding: 6px 0 8px; margin-bottom: 10px; }
        nav.portal a { color: #1f4e79; font-weight: 600; text-decoration: none; display: inline-block; min-height: 24px; line-height: 24px; padding: 2px 0; }
        td a { display: inline-block; min-height: 24px; line-height: 24px; } nav.portal .me { margin-left: auto; color: #5b6575; }
        nav.portal form { display: inline; } button, .button { font: inherit; padding: 6px 14px; border: 1px solid #1f4e79; background: #1f4e79; color: #fff; border-radius: 4px; cursor: pointer; }
        button.quiet { background: #fff; color: #1f4e79; } label { display: block; font-weight: 600; margin: 8px 0 2px; }
        input, select, textarea { font: inherit; padding: 5px; border: 1px solid #9aa6b2; border-radius: 3px; max-width: 100%; box-sizing: border-box; }
        input.money { width: 9em; text-align: right; } textarea { width: 100%; min-height: 2.5em; }
        .error { color: #b00020; font-weight: 600; display: block; } .field-error input, .field-error select { border-color: #b00020; }
        .ok { background: #e8f5e9; border-left: 4px solid #2e7d32; padding: 8px 12px; }
        .scroll { overflow-x: auto; } form.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0; }
        form.filters label { margin: 0; } fieldset.codes { flex: 1 1 100%; border: 1px solid #c9d2dc; display: grid; grid-template-columns: repeat(auto-fill, minmax(17em, 1fr)); gap: 0 12px; }
        label.tick { font-weight: 400; display: flex; align-items: center; gap: 6px; min-height: 24px; } label.tick input { width: 18px; height: 18px; } .return-row { border-bottom: 1px solid #dde3ea; padding: 8px 0; }
        .return-row .inputs { display: flex; flex-wrap: wrap; gap: 8px 16px; } .return-row h2 { margin: 0 0 4px; font-size: 14px; }
        @media screen { .signoff .sig { display: none; } }
        @media print { nav.portal, form.filters, .noprint { display: none; } }
        @media (max-width: 640px) { body { padding: 0 8px; } .return-row .inputs { display: block; }
          svg { max-width: 100%; height: auto; } .sig { flex-wrap: wrap; gap: 12px; } .sig span { min-width: 0; flex: 1 1 40%; } }
        """

    /// A whole page inside the portal's frame: the navigation for the user's role and sign-out.
    static func layout(title: String, user: PortalUser?, csrf: String?, body: HTML, extraCSS: String = "") -> HTML {
        var nav = HTML.empty
        if let user {
            let links = user.scope.menu
            nav = "<nav class=\"portal\">" + links.map { "<a href=\"\($0.0)\">\($0.1)</a>" as HTML }.joined()
                + "<span class=\"me\">\(user.name) (\(user.role.rawValue))</span>"
                + "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"\(csrf ?? "")\"><button class=\"quiet\" type=\"submit\">Sign out</button></form></nav>"
        }
        // The style sheets are constants of ours, never input.
        let style = HTML(rendered: HTMLPage.css + "\n" + css + extraCSS)
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>\(title) — mtfs</title><style>\(style)</style></head><body>\(nav)<main>\(body)</main></body></html>\n"
    }

    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page.text)))
    }

    /// A reply's JSON from its own type (``JSONOutput``: keys sorted, `<`, `>` and `&` made inert).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(try JSONOutput.encode(value), status: status)
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A CSV reply, with the byte order mark every CSV the portal gives has: Excel then reads £ right.
    static func csv(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: DocumentFormat.csv.text(text, bom: true))))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A file to download, its name made safe for the header.
    static func download(_ data: Data, name: String, format: DocumentFormat) -> Response {
        let type: String =
            switch format {
            case .csv: "text/csv; charset=utf-8"
            case .json: "application/json; charset=utf-8"
            case .html: "text/html; charset=utf-8"
            case .markdown: "text/markdown; charset=utf-8"
            case .text: "text/plain; charset=utf-8"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        let file = Escape.fileName(name) + "." + format.fileExtension
        // An ASCII name for every browser, and the UTF-8 one (RFC 6266) for those that read it.
        let ascii = String(file.unicodeScalars.map { $0.isASCII ? Character($0) : "_" })
        let utf8 = file.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? ascii
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(utf8)"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Headers on every response: nothing framed, sniffed, cached or fetched from elsewhere; no scripts.
    static func secure(_ response: Response) -> Response {
        var r = response
        r.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        r.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        // For browsers that predate CSP's frame-ancestors: never shown inside another site's frame.
        r.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        // same-origin (not no-referrer): a browser then sends our own forms' Origin, which is checked.
        r.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        r.headers[.cacheControl] = "no-store"
        return r
    }

    /// A table wider than the screen in a region that scrolls sideways: focusable, so the keyboard
    /// scrolls it too, and named for screen readers. (On a phone its rows are cards, and nothing scrolls.)
    static func scrolling(_ label: String, _ html: HTML) -> HTML {
        "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(label)\">\(html)</div>"
    }

    /// A value inside a link's query string: percent-encoded (letters and digits only are left as
    /// they are, so it is inert in a page and in a header alike).
    static func queryValue(_ value: String) -> String { value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    static func hidden(_ name: String, _ value: String) -> HTML {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
    }

    /// A period picker that keeps the page's other parameters.
    static func periodForm(action: String, period: Period, extra: [(String, String)] = []) -> HTML {
        "<form class=\"filters\" method=\"get\" action=\"\(action)\"><div><label for=\"period\">Month</label><input id=\"period\" name=\"period\" value=\"\(period.monthText)\" size=\"8\"></div>"
            + extra.map { hidden($0.0, $0.1) }.joined() + "<div><button type=\"submit\">Show</button></div></form>"
    }

    /// An error's sentence.
    static func explain(_ error: Error) -> String { (error as? KindedError)?.explanation ?? "\(error)" }
}
