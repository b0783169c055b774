/// An email address as a council's directory gives it: `local@domain`, ASCII, no spaces, quotes,
/// angle brackets or control characters (so it can never add a header or a recipient), at most 254.
public enum EmailAddress {
    public static func check(_ text: String) throws(DomainError) -> String {
        let t = text.trimmingSpaces()
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let domainAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        guard t.count <= 254, parts.count == 2, let local = parts.first, let domain = parts.last,
            !local.isEmpty, local.count <= 64, local.allSatisfy(localAllowed.contains), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            domain.contains("."), domain.allSatisfy(domainAllowed.contains),
            domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && $0.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else {
            throw DomainError.invalid("expected an email address such as helen.brandt@council.gov.uk, found \"\(String(text.prefix(80)))\"")
        }
        return t
    }
}
