import CZlib

/// The entries of a ZIP archive (an `.xlsx` workbook is one), read whole from memory: the central
/// directory at the end names each entry, its method (stored or deflated) and sizes. Only what a
/// workbook needs; anything else — encryption, ZIP64, other methods, sizes past the limits — is
/// refused with a sentence rather than guessed at, so a hostile file cannot exhaust memory (each
/// entry's inflated size is checked as it inflates, and its CRC-32 after).
struct ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
    }

    /// The largest entry inflated, and the most inflated from one archive.
    static let maxEntryBytes = 64 << 20
    static let maxTotalBytes = 256 << 20

    let bytes: [UInt8]
    let name: String
    private(set) var entries: [String: Entry] = [:]
    private var inflated = 0

    /// Reads the central directory of `bytes`, the file `name` (for messages).
    init(bytes: [UInt8], name: String) throws(InputError) {
        self.bytes = bytes
        self.name = name
        let notZip = InputError(file: name, "the file is not an Excel workbook (.xlsx): it is not a ZIP archive; save it as an Excel Workbook")
        guard bytes.count >= 22, bytes[0] == 0x50, bytes[1] == 0x4B else { throw notZip }
        // The end-of-central-directory record: the last 22 bytes, or earlier by a comment of up to 64 KiB.
        var eocd = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while i >= lowest {
            if u32(i) == 0x0605_4B50 {
                eocd = i
                break
            }
            i -= 1
        }
        guard eocd >= 0 else { throw notZip }
        let count = Int(u16(eocd + 10))
        let directorySize = Int(u32(eocd + 12))
        let directoryOffset = Int(u32(eocd + 16))
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            throw InputError(file: name, "the workbook is a ZIP64 archive, larger than a return can be; save a smaller workbook")
        }
        guard directoryOffset + directorySize <= eocd else { throw InputError(file: name, "the workbook is damaged (its ZIP directory is cut short)") }
        var p = directoryOffset
        for _ in 0..<count {
            guard p + 46 <= bytes.count, u32(p) == 0x0201_4B50 else {
                throw InputError(file: name, "the workbook is damaged (a ZIP directory entry is malformed)")
            }
            let nameLength = Int(u16(p + 28)), extraLength = Int(u16(p + 30)), commentLength = Int(u16(p + 32))
            guard p + 46 + nameLength <= bytes.count else { throw InputError(file: name, "the workbook is damaged (a ZIP entry name is cut short)") }
            let entryName = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(
                name: entryName, method: u16(p + 10), flags: u16(p + 8), crc: u32(p + 16), compressedSize: Int(u32(p + 20)),
                size: Int(u32(p + 24)), localHeaderOffset: Int(u32(p + 42)))
            entries[entryName] = entry
            p += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The inflated contents of the entry `path`, or nil when the archive has no such entry.
    mutating func contents(of path: String) throws(InputError) -> [UInt8]? {
        guard let e = entries[path] else { return nil }
        let damaged = InputError(file: name, "the workbook is damaged (its part \(path) cannot be read)")
        if e.flags & 1 != 0 { throw InputError(file: name, "the workbook is password-protected (encrypted); save it without a password to open") }
        guard e.size <= ZipArchive.maxEntryBytes, inflated + e.size <= ZipArchive.maxTotalBytes else {
            throw InputError(file: name, "the workbook's part \(path) is larger than a return can be (\(e.size) bytes); expected a return of one sheet")
        }
        let h = e.localHeaderOffset
        guard h + 30 <= bytes.count, u32(h) == 0x0403_4B50 else { throw damaged }
        let start = h + 30 + Int(u16(h + 26)) + Int(u16(h + 28))
        guard start + e.compressedSize <= bytes.count else { throw damaged }
        var out: [UInt8]
        switch e.method {
        case 0:
            guard e.compressedSize == e.size else { throw damaged }
            out = Array(bytes[start..<(start + e.size)])
        case 8:
            out = try inflate(from: start, count: e.compressedSize, expected: e.size, damaged: damaged)
        default:
            throw InputError(file: name, "the workbook's part \(path) uses ZIP method \(e.method), which is not read; save it again as an Excel Workbook")
        }
        let crc = out.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == e.crc else { throw damaged }
        inflated += out.count
        return out
    }

    /// Raw deflate from `count` bytes at `offset`, refusing to produce more than `expected` bytes.
    private func inflate(from offset: Int, count: Int, expected: Int, damaged: InputError) throws(InputError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: max(expected, 1))
        var stream = z_stream()
        guard mtfs_inflate_init_raw(&stream) == Z_OK else { throw damaged }
        defer { inflateEnd(&stream) }
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + offset)
                stream.avail_in = uInt(count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        // Z_STREAM_END with exactly the declared size; anything else (more data than declared, a
        // truncated stream) is a damaged or hostile file.
        guard status == Z_STREAM_END, Int(stream.total_out) == expected else { throw damaged }
        if expected == 0 { return [] }
        return out
    }

    private func u16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
    private func u32(_ i: Int) -> UInt32 {
        UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }
}
