import CCrypto
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 (FIPS 180-4) through the system's libcrypto (OpenSSL, Debian `libssl-dev`), which uses
/// the processor's SHA instructions where it has them: `mtfs verify` hashes every record and entry
/// of the ledger, millions at a million entries, and a pure-Swift compression function made that the
/// larger part of its time. No build cost (a system library, as SQLite is). Checked against NIST's
/// vectors and Python's hashlib in the tests.
///
/// The bytes fed are kept and hashed in one call at ``finalize()``, so the value copies like any
/// other (inputs here are short: an entry, a record, a statement's figures).
public struct SHA256: Sendable {
    private var pending: [UInt8] = []

    public init() { pending.reserveCapacity(256) }

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) { pending.appendBytes(bytes) }

    /// Feeds bytes.
    public mutating func update(_ bytes: [UInt8]) { pending.append(contentsOf: bytes) }

    /// Feeds a string's UTF-8.
    public mutating func update(_ string: String) { pending.append(contentsOf: string.utf8) }

    /// The 32-byte digest.
    public mutating func finalize() -> [UInt8] { pending.withUnsafeBytes { SHA256.digest($0) } }

    /// The algorithm, fetched once (https://www.openssl.org/docs/man3.0/man7/crypto.html: an
    /// explicit fetch avoids a look-up on every digest).
    nonisolated(unsafe) fileprivate static let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)

    /// The 32-byte digest of `bytes`, in one call.
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            digest(bytes, into: out.baseAddress!)
            count = 32
        }
    }

    /// Writes the 32-byte digest of `bytes` to `out`.
    public static func digest(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
        var size: UInt32 = 0
        let ok = EVP_Digest(bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), bytes.count, out, &size, algorithm, nil)
        // libcrypto cannot fail here short of running out of memory: a wrong digest must never pass as right.
        precondition(ok == 1 && size == 32, "libcrypto could not compute SHA-256")
    }

    /// A digest context kept for many digests on one thread (a batch of `verify`): no context is
    /// made and freed for each one.
    public final class Context {
        private let context: OpaquePointer?

        public init() { context = EVP_MD_CTX_new() }
        deinit { EVP_MD_CTX_free(context) }

        /// Writes the 32-byte digest of `bytes` to `out`.
        public func digest(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
            var size: UInt32 = 0
            let ok =
                EVP_DigestInit_ex2(context, SHA256.algorithm, nil) == 1
                && EVP_DigestUpdate(context, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), bytes.count) == 1
                && EVP_DigestFinal_ex(context, out, &size) == 1
            precondition(ok && size == 32, "libcrypto could not compute SHA-256")
        }

        /// Whether the digest of `bytes` is the 32 bytes `expected`.
        public func matches(_ bytes: UnsafeRawBufferPointer, digest expected: UnsafeRawBufferPointer) -> Bool {
            guard expected.count == 32 else { return false }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { out in
                digest(bytes, into: out.baseAddress!)
                return memcmp(out.baseAddress!, expected.baseAddress!, 32) == 0
            }
        }

        /// Whether the digest of `bytes` is `expected`, written in lower-case hex.
        public func matches(_ bytes: UnsafeRawBufferPointer, hex expected: UnsafeRawBufferPointer) -> Bool {
            guard expected.count == 64 else { return false }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { out in
                digest(bytes, into: out.baseAddress!)
                return SHA256.isHex(expected, of: UnsafeBufferPointer(out))
            }
        }
    }

    /// Whether `hex` is the lower-case hex of `digest`.
    static func isHex(_ hex: UnsafeRawBufferPointer, of digest: UnsafeBufferPointer<UInt8>) -> Bool {
        let table: StaticString = "0123456789abcdef"
        let digits = UnsafeRawBufferPointer(start: table.utf8Start, count: 16)
        for i in 0..<digest.count {
            let byte = digest[i]
            if hex[2 * i] != digits[Int(byte >> 4)] || hex[2 * i + 1] != digits[Int(byte & 0x0f)] { return false }
        }
        return true
    }

    /// Lower-case hex of a digest.
    public static func hex(digest: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case hex digest of a string's UTF-8.
    public static func hex(_ string: String) -> String {
        var h = SHA256()
        h.update(string)
        return hex(digest: h.finalize())
    }

    /// Lower-case hex digest of bytes.
    public static func hex(bytes: [UInt8]) -> String { bytes.withUnsafeBytes { hex(digest: digest($0)) } }
}

