import MTFSDomain
import MTFSEngine
import MTFSRender

/// The words of a reminder (SPEC §11): short plain text with an HTML alternative, saying the period,
/// the figures that matter, one link into the portal and who to ask. Every value from the ledger
/// is escaped in the HTML; the text part is plain.
public enum ReminderMessage {
    /// The subject, text and HTML of `due`, linking into the portal at `baseURL`.
    public static func compose(_ due: ReminderPlan.Due, baseURL: String) -> (subject: String, text: String, html: String) {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let month = "\(due.period.monthName) (\(due.period))"
        var paragraphs: [String] = []
        let subject: String
        let link: String
        let linkText: String
        switch due.kind {
        case .returnDue:
            subject = "Your savings return for \(due.period.monthName) is overdue"
            link = "\(base)/return?period=\(due.period.monthText)"
            linkText = "Open your return for \(due.period.monthName)"
            paragraphs.append(
                "Your return for \(month) was due by \(due.dueDate.longText)"
                    + (due.returned == 0
                        ? " and has not been received."
                        : ": \(due.returned) of your \(due.lines) lines are in; still to return: \(due.missing.prefix(10).joined(separator: "; "))"
                            + (due.missing.count > 10 ? " and \(due.missing.count - 10) more." : ".")))
            paragraphs.append(
                "Your savings this year (\(due.directorates.joined(separator: ", "))): target \(due.target), delivered \(due.delivered) as last returned, "
                    + (due.variance.isNegative ? "\(due.variance.magnitude) behind profile." : "on profile or ahead."))
        case .signOff:
            subject = "Please sign your savings statement for \(due.period.monthName)"
            link = "\(base)/statement?period=\(due.period.monthText)"
            linkText = "Open your statement for \(due.period.monthName)"
            paragraphs.append("Your return for \(month) is in, but its statement is not signed. Please check the figures and sign it.")
            paragraphs.append(
                "The statement shows target \(due.target), delivered \(due.delivered), "
                    + (due.variance.isNegative ? "\(due.variance.magnitude) behind profile." : "on profile or ahead."))
        case .digest:
            subject = "\(due.findings.count) new savings finding\(due.findings.count == 1 ? "" : "s") to review"
            link = "\(base)/findings"
            linkText = "Open the findings"
            paragraphs.append(
                "Since the last digest, \(due.findings.count) finding\(due.findings.count == 1 ? "" : "s") at or above the set severity "
                    + "\(due.findings.count == 1 ? "has" : "have") appeared in the books (the latest returns up to \(due.dueDate.longText)):")
        }
        // A finding repeated across years is one line, naming the other years (as the summary does).
        let findingLines = Summary.oneLineEach(due.findings).prefix(20).map { f in
            "\(f.severity.rawValue.uppercased()) \(f.code.rawValue) \(f.code.plainName): \(f.amount). \(f.message)"
        }
        let lines = Summary.oneLineEach(due.findings).count
        let more = lines > 20 ? "…and \(lines - 20) more on the findings page." : nil
        let contact: String? = {
            let named = due.contacts.map { c in c.email.map { "\(c.name) (\($0))" } ?? c.name }
            if due.kind == .digest {
                // Each directorate's finance business partner answers for its findings.
                return named.isEmpty ? nil : "Finance business partners for these directorates: " + named.joined(separator: ", ") + "."
            }
            if named.isEmpty { return "If anything here is wrong, contact your finance business partner." }
            return "Questions: " + named.joined(separator: ", ") + "."
        }()
        var text = "Dear \(due.recipient.name),\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
        if !findingLines.isEmpty { text += "\n" + findingLines.map { "- " + $0 }.joined(separator: "\n") + "\n" + (more.map { $0 + "\n" } ?? "") }
        text += "\n\(linkText): \(link)\n\n" + (contact.map { $0 + "\n\n" } ?? "") + "This reminder is sent once" + (due.kind == .digest ? " for these findings" : " for this month") + " by the council's savings ledger (mtfs).\n"

        var html: HTML = "<!doctype html><html lang=\"en-GB\"><body style=\"font-family:Arial,sans-serif;font-size:16px;color:#0b0c0c\">"
        html += "<p>Dear \(due.recipient.name),</p>"
        html += paragraphs.map { p -> HTML in "<p>\(p)</p>" }.joined()
        if !findingLines.isEmpty {
            html += "<ul>\(findingLines.map { f -> HTML in "<li>\(f)</li>" }.joined())</ul>"
            if let more { html += "<p>\(more)</p>" }
        }
        html += "<p><a href=\"\(link)\">\(linkText)</a></p>"
        if let contact { html += "<p>\(contact)</p>" }
        html += "<p style=\"color:#505a5f;font-size:14px\">This reminder is sent once\(due.kind == .digest ? " for these findings" : " for this month") by the council's savings ledger (mtfs).</p></body></html>"
        return (Escape.plainText(subject), Escape.plainText(text), html.text)
    }
}
