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
