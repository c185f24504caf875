import FolioCore
import Foundation

/// A key file as it is stored: every field in the clear except `ciphertext`, the encrypted
/// 32-byte Ed25519 seed. Byte strings are lower-case hex. `docs/keystore.md` is the spec.
public struct KeyFile: Codable, Equatable, Sendable {
    /// Format version; this build writes and reads `KeystoreFormat.currentVersion`.
    public var version: Int
    /// The account address (20 bytes, hex), so a key can be found without the passphrase.
    public var address: String
    /// The Ed25519 public key (32 bytes, hex).
    public var publicKey: String
    /// Key-derivation settings.
    public var kdf: KDF
    /// Passphrase check: SHA-256 over a label and the second half of the scrypt output (hex).
    public var check: String
    /// Cipher settings.
    public var cipher: Cipher
    /// The encrypted seed (32 bytes, hex).
    public var ciphertext: String
    /// The Poly1305 tag (16 bytes, hex).
    public var tag: String

    /// The scrypt settings of a key file.
    public struct KDF: Codable, Equatable, Sendable {
        /// Always `"scrypt"`.
        public var name: String
        /// CPU/memory cost N.
        public var n: UInt64
        /// Block size r.
        public var r: UInt64
        /// Parallelism p.
        public var p: UInt64
        /// Random salt (32 bytes, hex).
        public var salt: String
    }

    /// The AEAD settings of a key file.
    public struct Cipher: Codable, Equatable, Sendable {
        /// Always `"chacha20-poly1305"`.
        public var name: String
        /// Random nonce (12 bytes, hex).
        public var nonce: String
    }

    /// The bytes the AEAD authenticates besides the seed: every header field, in a fixed
    /// order, so changing any of them makes the file fail to open.
    var associatedData: [UInt8] {
        let fields = ["folio-keystore", "\(version)", address, publicKey, kdf.name, "\(kdf.n)", "\(kdf.r)",
                      "\(kdf.p)", kdf.salt, check, cipher.name, cipher.nonce]
        return Array(fields.joined(separator: "|").utf8)
    }

    /// The file's bytes: pretty-printed JSON with sorted keys and a final newline.
    func encoded() throws(KeystoreError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(self)) + [0x0a]
        } catch {
            throw .crypto(reason: "could not encode the key file as JSON: \(error)")
        }
    }

    /// Reads a key file's bytes, checking size, version and JSON shape (not the crypto).
    static func decode(_ bytes: [UInt8], path: String) throws(KeystoreError) -> KeyFile {
        guard bytes.count <= KeystoreFormat.maximumFileByteCount else {
            throw .corrupt(path: path, reason: "file is \(bytes.count) bytes, more than the \(KeystoreFormat.maximumFileByteCount)-byte limit")
        }
        let data = Data(bytes)
        let decoder = JSONDecoder()
        let probe: VersionProbe
        do { probe = try decoder.decode(VersionProbe.self, from: data) } catch {
            throw .corrupt(path: path, reason: "not a JSON object with a numeric \"version\" (\(describe(error)))")
        }
        guard probe.version == KeystoreFormat.currentVersion else {
            throw .unknownVersion(path: path, found: probe.version)
        }
        do { return try decoder.decode(KeyFile.self, from: data) } catch {
            throw .corrupt(path: path, reason: describe(error))
        }
    }

    /// Just the version, read first so a future format gets `unknownVersion`, not `corrupt`.
    private struct VersionProbe: Decodable {
        var version: Int
    }

    /// A short account of a decoding error, naming the field.
    private static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "malformed JSON" }
        switch decoding {
        case let .keyNotFound(key, context):
            return "field \(path(context.codingPath + [key])) is missing"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "field \(path(context.codingPath)) has the wrong type"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty ? "malformed JSON" : "field \(path(context.codingPath)) is malformed"
        @unknown default:
            return "malformed JSON"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        "\"" + keys.map(\.stringValue).joined(separator: ".") + "\""
    }
}
