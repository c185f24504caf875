import FolioCrypto

/// The Merkle root a block header commits to, over the block's transaction ids in block order.
///
/// Built as RFC 6962 builds its tree hash, to close the hole Bitcoin's tree has
/// (CVE-2012-2459: duplicating the last node of an odd level makes `[a, b, c]` and
/// `[a, b, c, c]` share a root, so a valid block can be "mutated" into an invalid one with the
/// same id):
/// - a leaf is `SHA-256(0x00 ‖ id)` and an inner node `SHA-256(0x01 ‖ left ‖ right)`, so a leaf
///   can never pass for an inner node or the reverse;
/// - on a level with an odd number of nodes the last node is promoted to the next level
///   unchanged, never paired with itself;
/// - the empty list has the root `SHA-256("")` (no bytes), which no leaf or node can produce.
///
/// Pairing level by level with promotion gives exactly RFC 6962's root, which splits at the
/// largest power of two below the count. docs/protocol.md ("Merkle root") is the spec.
public enum MerkleTree {
    /// Prefix byte of a leaf hash.
    public static let leafPrefix: UInt8 = 0x00
    /// Prefix byte of an inner-node hash.
    public static let nodePrefix: UInt8 = 0x01

    /// The root of a list with no ids: SHA-256 of no bytes.
    public static let emptyRoot: Hash256 = SHA256.hash([UInt8]())

    /// The Merkle root of `ids`, taken in order.
    public static func root(of ids: [Hash256]) -> Hash256 {
        guard !ids.isEmpty else { return emptyRoot }
        var level = ids.map(leafHash)
        while level.count > 1 {
            var next: [Hash256] = []
            next.reserveCapacity((level.count + 1) / 2)
            var index = 0
            while index + 1 < level.count {
                next.append(nodeHash(level[index], level[index + 1]))
                index += 2
            }
            if index < level.count { next.append(level[index]) }
            level = next
        }
        return level[0]
    }

    /// `SHA-256(0x00 ‖ id)`.
    static func leafHash(_ id: Hash256) -> Hash256 {
        var input: [UInt8] = [leafPrefix]
        input.reserveCapacity(33)
        id.withUnsafeBytes { input.append(contentsOf: $0) }
        return SHA256.hash(input)
    }

    /// `SHA-256(0x01 ‖ left ‖ right)`.
    static func nodeHash(_ left: Hash256, _ right: Hash256) -> Hash256 {
        var input: [UInt8] = [nodePrefix]
        input.reserveCapacity(65)
        left.withUnsafeBytes { input.append(contentsOf: $0) }
        right.withUnsafeBytes { input.append(contentsOf: $0) }
        return SHA256.hash(input)
    }
}
