import FolioCore

/// Multi-index hashing over 256-bit codes: split each code into `count` chunks of equal width.
/// By the pigeonhole principle, two codes within Hamming distance d share at least one chunk
/// within distance ⌊d / count⌋ of the other's, so a search probes, per chunk, only the values
/// within that radius and verifies the candidates with the full distance.
///
/// FolioStore keeps one table per chunk (chunk index, chunk value → work); this type says what
/// goes into them and which values to look up, so both sides agree on the split.
public struct ChunkScheme: Equatable, Sendable {
    /// Number of chunks (16 or 32).
    public let count: Int
    /// Bits per chunk (256 / count).
    public var bits: Int { Fingerprint.bitCount / count }

    /// The scheme used by default: 16 chunks of 16 bits, so each table has 65,536 buckets and
    /// a million codes put about 15 in each.
    public static let standard = ChunkScheme(uncheckedCount: 16)

    private init(uncheckedCount: Int) { count = uncheckedCount }

    /// A scheme with `count` chunks; `nil` unless count is 16 or 32 (chunks of 16 or 8 bits).
    public init?(count: Int) {
        guard count == 16 || count == 32 else { return nil }
        self.count = count
    }

    /// The chunk values of `code`: chunk i holds code bits [i·bits, (i+1)·bits), bit 0 lowest.
    public func chunks(of code: Fingerprint) -> [UInt32] {
        let bytesPerChunk = bits / 8
        return (0..<count).map { i in
            var value: UInt32 = 0
            for j in 0..<bytesPerChunk { value |= UInt32(code.bytes[i * bytesPerChunk + j]) << UInt32(8 * j) }
            return value
        }
    }

    /// The per-chunk radius that finds every code within `distance`: ⌊distance / count⌋.
    public func radius(forDistance distance: Int) -> Int { max(0, distance) / count }

    /// Per-chunk radii that still find every code within `distance`, with fewer probes than
    /// `radius(forDistance:)` everywhere: write distance = count·r + a (0 ≤ a < count); then
    /// chunks 0…a are probed within r and the others within r − 1 (−1: not probed at all).
    /// Why nothing is missed: were chunks 0…a each at least r + 1 away and the other
    /// count − a − 1 chunks at least r away, the codes would be at least
    /// (a + 1)(r + 1) + (count − a − 1)·r = count·r + a + 1 > distance apart.
    public func radii(forDistance distance: Int) -> [Int] {
        let d = max(0, distance), r = d / count, a = d % count
        return (0..<count).map { $0 <= a ? r : r - 1 }
    }

    /// Buckets `radii(forDistance:)` visits in all.
    public func bucketVisits(forDistance distance: Int) -> Int {
        radii(forDistance: distance).reduce(0) { $0 + ($1 < 0 ? 0 : probeCount(radius: $1)) }
    }

    /// How many values `probes(around:radius:)` returns: Σ C(bits, k) for k ≤ radius.
    public func probeCount(radius: Int) -> Int { HammingBall.size(bits: bits, radius: radius) }

    /// Every chunk value within Hamming distance `radius` of `value` (including `value`).
    public func probes(around value: UInt32, radius: Int) -> [UInt32] {
        var out: [UInt32] = [value]
        func flip(from lowestBit: Int, _ current: UInt32, _ left: Int) {
            guard left > 0 else { return }
            for bit in lowestBit..<bits {
                let next = current ^ (1 << UInt32(bit))
                out.append(next)
                flip(from: bit + 1, next, left - 1)
            }
        }
        flip(from: 0, value, min(radius, bits))
        return out
    }
}
