import FolioCrypto

/// How hard scrypt works when a key file is written. Reading uses whatever cost the file
/// records (within `KeystoreFormat.maximumScryptMemory`).
public struct ScryptCost: Hashable, Sendable {
    /// CPU/memory cost N (a power of two).
    public let n: UInt64
    /// Block size r.
    public let r: UInt64
    /// Parallelism p.
    public let p: UInt64

    /// The cost for real keys: N = 2^17, r = 8, p = 1 (128 MiB, about half a second).
    public static let standard = ScryptCost(checkedN: 1 << 17, r: 8, p: 1)
    /// A cheap cost for tests and throwaway dev keys: N = 2^12, r = 8, p = 1 (4 MiB).
    public static let light = ScryptCost(checkedN: 1 << 12, r: 8, p: 1)

    /// A custom cost; throws `KeystoreError.crypto` when scrypt would refuse it or it needs
    /// more memory than the keystore allows.
    public init(n: UInt64, r: UInt64, p: UInt64) throws(KeystoreError) {
        let parameters: Scrypt.Parameters
        do { parameters = try Scrypt.Parameters(n: n, r: r, p: p) } catch { throw .from(error) }
        guard let memory = parameters.memoryByteCount, memory <= KeystoreFormat.maximumScryptMemory else {
            throw .crypto(reason: "scrypt N=\(n) r=\(r) p=\(p) needs more than \(KeystoreFormat.maximumScryptMemory) bytes")
        }
        self.init(checkedN: n, r: r, p: p)
    }

    private init(checkedN n: UInt64, r: UInt64, p: UInt64) {
        self.n = n
        self.r = r
        self.p = p
    }
}
