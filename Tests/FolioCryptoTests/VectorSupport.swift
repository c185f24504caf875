import Foundation
import Testing
@testable import FolioCrypto

/// Reads the published vector files shipped in `Vectors/`.
enum VectorFile {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "vector file \(name).json is not in the test bundle" }
    }

    /// Decodes `Vectors/<name>.json` as `T`.
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors") else {
            throw Missing(name: name)
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// The "vectors" array of `Vectors/<name>.json`; empty if the file is missing or malformed,
    /// which each suite's vector-count test then reports.
    static func list<V: Decodable>(_ name: String) -> [V] {
        (try? load(name, as: VectorList<V>.self).vectors) ?? []
    }
}

/// A file whose vectors sit under a "vectors" key.
struct VectorList<V: Decodable>: Decodable {
    let vectors: [V]
}

struct MalformedHex: Error {}

/// Bytes of a hex string from a vector file; a malformed one fails the test.
func hex(_ text: String) throws -> [UInt8] {
    guard let bytes = HexCoding.decode(text) else { throw MalformedHex() }
    return bytes
}

/// Deterministic bytes for tests (SplitMix64), so keys and inputs repeat run to run.
struct SeededRandom: RandomSource, RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(CryptoError) {
        for i in buffer.indices { buffer[i] = UInt8(truncatingIfNeeded: next()) }
    }
}

extension SecretBytes {
    /// The bytes as an array, for comparing with expected values in tests.
    var copiedBytes: [UInt8] { withUnsafeBytes { Array($0) } }
}

/// A vector reduced to its name, for counting the entries of any vector file.
struct NamedVector: Decodable, Sendable { let name: String }

@Suite("Vector files")
struct VectorFileTests {
    /// A missing or unreadable file would leave its parameterized tests with no cases, which
    /// pass vacuously; this pins each file to the number of vectors its source publishes.
    @Test(arguments: [("sha256", 12), ("ed25519", 5), ("chacha20poly1305", 2), ("hmac_sha256", 7),
                      ("hkdf_sha256", 3), ("scrypt", 3)])
    func fileHoldsEveryPublishedVector(file: String, count: Int) throws {
        #expect(try VectorFile.load(file, as: VectorList<NamedVector>.self).vectors.count == count)
    }
}
