import FolioCore

/// Multi-index hashing over 256-bit fingerprints: the code is cut into 16 chunks of 16 bits
/// and each chunk value is indexed. Two codes within distance `d` agree to within
/// `d / 16` bits (rounded down) on at least one chunk (pigeonhole), so a query probes, for each
/// chunk, every value within that radius of its own chunk, then checks each candidate exactly.
enum FingerprintChunks {
    /// Chunks per code.
    static let count = 16
    /// Bits per chunk.
    static let bits = 16

    /// The 16 chunk values of a fingerprint: chunk i is bytes 2i (low) and 2i+1 (high).
    static func chunks(of fingerprint: Fingerprint) -> [UInt16] {
        let bytes = fingerprint.bytes
        return (0..<count).map { UInt16(bytes[2 * $0]) | UInt16(bytes[2 * $0 + 1]) << 8 }
    }

    /// The per-chunk search radius for a query at `distance`.
    static func radius(for distance: Int) -> Int { max(0, distance) / count }

    /// How many values lie within Hamming distance `radius` of a chunk value.
    static func probeCount(radius: Int) -> Int { HammingBall.size(bits: bits, radius: radius) }

    /// Every 16-bit value within Hamming distance `radius` of `value`, `value` first.
    static func probes(around value: UInt16, radius: Int) -> [UInt16] {
        var result: [UInt16] = [value]
        guard radius > 0 else { return result }
        flip(value, from: 0, left: min(radius, bits), into: &result)
        return result
    }

    private static func flip(_ value: UInt16, from first: Int, left: Int, into result: inout [UInt16]) {
        guard left > 0, first < bits else { return }
        for bit in first..<bits {
            let flipped = value ^ (1 << UInt16(bit))
            result.append(flipped)
            flip(flipped, from: bit + 1, left: left - 1, into: &result)
        }
    }
}
