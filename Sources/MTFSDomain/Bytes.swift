#if canImport(Glibc)
    import Glibc
#endif
extension Array where Element == UInt8 {
    /// Appends raw bytes with one copy. (`append(contentsOf:)` given an `UnsafeRawBufferPointer`
    /// takes the generic path, a byte at a time: about 5% of `verify` in a profile.)
    @inlinable @inline(__always)
    public mutating func appendBytes(_ raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress, raw.count > 0 else { return }
        append(contentsOf: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: raw.count))
    }

    /// Appends an integer's bytes, least significant first, in one copy.
    @inlinable @inline(__always)
    public mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { appendBytes($0) }
    }
}

/// Finding bytes in bytes (a multipart boundary, a declaration in an XML part).
public enum ByteSearch {
    /// Where `needle` first occurs in `haystack` at or after `start`, or nil. Knuth–Morris–Pratt:
    /// linear in the haystack whatever its bytes, so a body of 8 MiB built to defeat a naive search
    /// (a boundary of dashes in a sea of dashes) costs no more than any other.
    public static func find(_ needle: [UInt8], in haystack: some RandomAccessCollection<UInt8>, from start: Int) -> Int? {
        let from = max(0, start)
        guard !needle.isEmpty else { return nil }
        func search(_ h: UnsafeBufferPointer<UInt8>) -> Int? {
            guard h.count - from >= needle.count else { return nil }
            // failure[i]: the length of the longest proper prefix of needle[0...i] that is also its suffix.
            var failure = [Int](repeating: 0, count: needle.count)
            var k = 0
            for i in 1..<max(1, needle.count) {
                while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
                if needle[i] == needle[k] { k += 1 }
                failure[i] = k
            }
            var matched = 0
            var i = from
            while i < h.count {
                let byte = h[i]
                while matched > 0 && byte != needle[matched] { matched = failure[matched - 1] }
                if byte == needle[matched] { matched += 1 }
                if matched == needle.count { return i - needle.count + 1 }
                i += 1
            }
            return nil
        }
        if let result = haystack.withContiguousStorageIfAvailable(search) { return result }
        return Array(haystack).withUnsafeBufferPointer(search)
    }
}
