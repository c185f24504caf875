import FolioCore

/// The incremental state commitment (docs/chain.md, "State root").
///
/// Every state entry (an account, work, work-link list, template, offer or licence) is a leaf
/// `SHA-256(table tag ‖ key ‖ canonical value)`. The leaf is expanded to 1,024 16-bit lanes
/// (SHA-256 in counter mode: `SHA-256(leaf ‖ i)` for i in 0..<64) and the accumulator is the
/// lane-wise sum of all leaves modulo 2^16: a lattice ("LtHash") multiset hash. Writing an
/// entry subtracts the old leaf and adds the new one, so a block costs time in proportion to
/// what it changes, never to the size of the state. The state root a header commits to is
/// SHA-256 of the 2,048 accumulator bytes (lanes little-endian).
struct StateAccumulator: Hashable, Sendable {
    /// Lanes in the accumulator.
    static let laneCount = 1024
    /// The metadata key the accumulator is stored under.
    static let metadataKey = "state-accumulator"

    private(set) var lanes: [UInt16]

    /// The accumulator of the empty state.
    init() { lanes = [UInt16](repeating: 0, count: Self.laneCount) }

    /// Reads stored accumulator bytes; nil unless exactly 2,048 bytes.
    init?(bytes: [UInt8]) {
        guard bytes.count == Self.laneCount * 2 else { return nil }
        lanes = (0..<Self.laneCount).map { UInt16(bytes[2 * $0]) | UInt16(bytes[2 * $0 + 1]) << 8 }
    }

    /// The lanes as little-endian bytes.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.laneCount * 2)
        for lane in lanes {
            out.append(UInt8(truncatingIfNeeded: lane))
            out.append(UInt8(truncatingIfNeeded: lane >> 8))
        }
        return out
    }

    /// The state root: SHA-256 of `bytes`.
    var root: Hash256 { SHA256.hash(bytes) }

    /// Adds a leaf.
    mutating func insert(_ leaf: Hash256) {
        let expanded = Self.expand(leaf)
        for index in 0..<Self.laneCount { lanes[index] &+= expanded[index] }
    }

    /// Removes a leaf added before.
    mutating func remove(_ leaf: Hash256) {
        let expanded = Self.expand(leaf)
        for index in 0..<Self.laneCount { lanes[index] &-= expanded[index] }
    }

    /// Replaces `old` (if any) with `new` (if any).
    mutating func replace(_ old: Hash256?, with new: Hash256?) {
        guard old != new else { return }
        if let old { remove(old) }
        if let new { insert(new) }
    }

    /// The 1,024 lanes of one leaf.
    static func expand(_ leaf: Hash256) -> [UInt16] {
        var lanes: [UInt16] = []
        lanes.reserveCapacity(laneCount)
        var input = leaf.bytes
        input.append(0)
        for counter in 0..<(laneCount / 16) {
            input[32] = UInt8(counter)
            let block = SHA256.hash(input).bytes
            for pair in 0..<16 { lanes.append(UInt16(block[2 * pair]) | UInt16(block[2 * pair + 1]) << 8) }
        }
        return lanes
    }

    /// The leaf of one state entry.
    static func leaf(table: StateTable, key: some CanonicalEncodable, value: [UInt8]) -> Hash256 {
        var writer = CanonicalWriter(capacity: 64 + value.count)
        writer.write(table.rawValue)
        writer.write(key)
        writer.writeRaw(value)
        return SHA256.hash(writer.finish())
    }
}

/// The tag byte of each state table in a leaf.
enum StateTable: UInt8, Sendable {
    case account = 1
    case work = 2
    case workLinks = 3
    case template = 4
    case offer = 5
    case licence = 6
}
