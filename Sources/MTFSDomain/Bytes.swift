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
    /// Where `needle` first occurs in `haystack` at or after `start`, or nil.
    public static func find(_ needle: [UInt8], in haystack: some RandomAccessCollection<UInt8>, from start: Int) -> Int? {
        let h = Array(haystack)
        guard !needle.isEmpty, h.count >= needle.count else { return nil }
        var i = max(0, start)
        let last = h.count - needle.count
        while i <= last {
            if h[i] == needle[0] {
                var j = 1
                while j < needle.count && h[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
