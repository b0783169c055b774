/// Names people type for things the ledger already names — a directorate, a portfolio: the one rule
/// for which of the ledger's names a typed one means.
public enum Names {
    /// The name among `known` that `text` means: the one spelled exactly so, else the one that
    /// differs only in case or surrounding spaces (the first by name, should a ledger hold two).
    public static func match(_ text: String, in known: some Collection<String>) -> String? {
        let wanted = text.trimmingSpaces()
        if known.contains(wanted) { return wanted }
        return known.sorted().first { $0.lowercased() == wanted.lowercased() }
    }
}
