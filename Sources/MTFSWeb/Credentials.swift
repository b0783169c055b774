import CArgon2
import Foundation
import MTFSDomain

/// Secrets, and only their hashes kept (SPEC §10): passwords as Argon2id strings (OWASP's
/// minimum: 19 MiB, 2 passes, one lane), API tokens and session cookies as SHA-256.
public enum Credentials {
    static let timeCost: UInt32 = 2
    static let memoryKiB: UInt32 = 19_456
    static let lanes: UInt32 = 1
    /// The shortest password accepted.
    public static let minimumPasswordLength = 10

    /// Why a password is refused, or nil.
    public static func weakness(of password: String) -> String? {
        if password.count < minimumPasswordLength { return "a password needs at least \(minimumPasswordLength) characters" }
        if password.count > 1024 { return "a password of more than 1,024 characters is refused" }
        return nil
    }

    /// The Argon2id string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) of `password`, with a fresh salt.
    public static func hashPassword(_ password: String) throws -> String {
        let salt = randomBytes(16)
        let length = argon2_encodedlen(timeCost, memoryKiB, lanes, UInt32(salt.count), 32, Argon2_id)
        var encoded = [CChar](repeating: 0, count: length + 1)
        let pwd = Array(password.utf8)
        let status = pwd.withUnsafeBytes { p in
            salt.withUnsafeBytes { s in
                argon2id_hash_encoded(
                    timeCost, memoryKiB, lanes, p.baseAddress, p.count, s.baseAddress, s.count, 32, &encoded, encoded.count)
            }
        }
        guard status == ARGON2_OK.rawValue else {
            throw LedgerError.unusable("the password could not be hashed (Argon2 error \(status)); try again")
        }
        return String(cString: encoded)
    }

    /// Whether `password` matches the Argon2id string `hash` (compared in constant time by libargon2).
    public static func verify(_ password: String, hash: String) -> Bool {
        let pwd = Array(password.utf8)
        return pwd.withUnsafeBytes { p in argon2id_verify(hash, p.baseAddress, p.count) } == ARGON2_OK.rawValue
    }

    /// A secret of 32 random bytes as URL-safe text, with a prefix that says what it is.
    public static func randomSecret(prefix: String) -> String {
        prefix + Data(randomBytes(32)).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What is stored of a token or session cookie.
    public static func digest(_ secret: String) -> String { SHA256.hex(secret) }

    /// The CSRF token of a session: derived from the session's secret, so nothing more is stored
    /// and it cannot be guessed without the cookie.
    public static func csrfToken(session: String) -> String { SHA256.hex("mtfs csrf\u{0}" + session) }

    /// Compares two strings in time that depends only on their lengths.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    static func randomBytes(_ n: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
