import FolioCore
import FolioCrypto

/// Named, deterministic Ed25519 keys for scenario tests, in the manner of clique's signer
/// labels: `TestKeys.named("alice")` is the same key in every run. The seed is SHA-256 of
/// the name, so the keys are fixed by this rule, not by a stored table.
public struct TestKey: Sendable {
    /// The label.
    public let name: String
    /// The private key.
    public let privateKey: PrivateKey

    /// The public key.
    public var publicKey: PublicKey { privateKey.publicKey }
    /// The account address.
    public var address: Address { Address(publicKey: privateKey.publicKey) }

    /// Signs `message`; a test key always signs.
    public func sign(_ message: [UInt8]) -> Signature {
        do { return try privateKey.signature(for: message) } catch {
            preconditionFailure("test key \(name) failed to sign: \(error)")
        }
    }
}

/// The test key factory.
public enum TestKeys {
    /// The key named `name`, seeded with SHA-256 of the name's UTF-8 bytes.
    public static func named(_ name: String) -> TestKey {
        let seed = SHA256.hash(Array(name.utf8)).bytes
        do { return TestKey(name: name, privateKey: try PrivateKey(seed: seed)) } catch {
            preconditionFailure("a 32-byte seed always makes a key: \(error)")
        }
    }

    /// Alice.
    public static let alice = named("alice")
    /// Bob.
    public static let bob = named("bob")
    /// Carol.
    public static let carol = named("carol")
    /// Dave.
    public static let dave = named("dave")
    /// The block producer used by scenario tests.
    public static let producer = named("producer")
}

/// A seeded SplitMix64 generator, so "random" test data is the same in every run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
