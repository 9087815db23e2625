// Passwords (Argon2id via libsodium) and bearer tokens (256 random bits, kept only hashed).
import CSodium
import Foundation

public enum Secrets {
    /// Call once before hashing (libsodium picks its implementations here).
    public static func prepare() {
        _ = sodium_init()
    }

    public static func hashPassword(_ password: String) throws -> String {
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let length = UInt64(password.utf8.count)
        let status = password.withCString { text in
            crypto_pwhash_str(&output, text, length,
                              UInt64(crypto_pwhash_opslimit_interactive()), crypto_pwhash_memlimit_interactive())
        }
        guard status == 0 else { throw StoreError.outOfMemory }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func verify(_ password: String, against hash: String) -> Bool {
        let length = UInt64(password.utf8.count)
        return hash.withCString { stored in
            password.withCString { text in crypto_pwhash_str_verify(stored, text, length) == 0 }
        }
    }

    /// A new bearer token: 32 random bytes, base64url without padding.
    public static func newToken() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        randombytes_buf(&bytes, bytes.count)
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Lowercase hex SHA-256 of the text's bytes (how tokens are stored and looked up).
    public static func sha256(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_bytes()))
        let bytes = Array(text.utf8)
        crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// A random id for server-made things (users, epochs).
    public static func randomID() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        randombytes_buf(&bytes, bytes.count)
        return bytes.map { String(format: "%02x", $0) }.joined()
    }
}
