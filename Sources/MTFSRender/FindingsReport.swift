import MTFSDomain
import MTFSEngine

/// Reconciliation findings as text, the pinned CSV and JSON.
public enum FindingsReport {
    /// SPEC §6's pinned columns: code,severity,refs,cost_centre,year,amount,message.
    public static func csv(_ findings: [Finding]) -> String {
        var out = "code,severity,refs,cost_centre,year,amount,message\r\n"
        for f in findings {
            out +=
                [
                    f.code.rawValue, f.severity.rawValue, Escape.csv(f.refs.joined(separator: ";")), Escape.csv(f.costCentre ?? ""),
                    f.year?.description ?? "", f.amount.plain, Escape.csv(f.message),
                ].joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A JSON object with the period, the head and the findings (amounts in pence).
    public static func json(_ findings: [Finding], asOf: Period, head: ChainHead) throws -> String {
        try JSONOutput.encode(ReconciliationReport(asOf: asOf, head: head, findings: findings))
    }

    /// For a person at a terminal: a count by severity, then each finding with its message.
    public static func text(_ findings: [Finding], asOf: Period, head: ChainHead, colour: Bool = false) -> String {
        var out = "Reconciliation as at the end of \(asOf) (ledger head \(head.short)): "
        if findings.isEmpty { return out + "no findings.\n" }
        let counts = Severity.allCases.reversed().compactMap { s -> String? in
            let n = findings.filter { $0.severity == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        out += "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(counts.joined(separator: ", "))).\n\n"
        for f in findings {
            var severity = f.severity.rawValue.uppercased().padding(8)
            if colour {
                let code = f.severity >= .high ? (f.severity == .critical ? "31;1" : "31") : (f.severity == .medium ? "33" : "2")
                severity = "\u{1B}[\(code)m\(severity)\u{1B}[0m"
            }
            var head = "\(severity)  \(f.code.rawValue) \(f.code.name.padding(26))  \(f.amount.formatted().leftPadding(16))"
            head += "  \(f.year?.description ?? "")  \(Escape.terminal(f.refs.joined(separator: ", ")))"
            if let c = f.costCentre { head += "  [\(Escape.terminal(c))]" }
            out += head + "\n" + wrap(Escape.terminal(f.message), indent: 10, width: 110) + "\n\n"
        }
        return out
    }

    static func wrap(_ text: String, indent: Int, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width - indent {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        let pad = String(repeating: " ", count: indent)
        return lines.map { pad + $0 }.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
