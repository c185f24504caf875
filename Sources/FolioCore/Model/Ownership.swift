/// One owner's part of a work, in parts per 100,000,000.
public struct Ownership: Hashable, Sendable {
    /// The parts that make a whole work: 100,000,000.
    public static let wholeShare: UInt64 = 100_000_000

    /// The owning account.
    public var owner: Address
    /// Parts per `wholeShare`.
    public var share: UInt64

    /// Creates an ownership entry.
    public init(owner: Address, share: UInt64) {
        self.owner = owner
        self.share = share
    }
}

extension Ownership: CanonicalCodable {
    /// `owner` (20), `share` (UInt64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(owner)
        writer.write(share)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        owner = try reader.read()
        share = try reader.readUInt64()
    }
}

/// Why an owner list is not a valid split of a work.
public enum ShareError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The list names no owner.
    case noOwners
    /// The list is longer than `Limits.ownersPerWork`.
    case tooManyOwners(count: Int)
    /// The entry at `index` has a zero share.
    case zeroShare(index: Int)
    /// `owner` appears more than once.
    case duplicateOwner(Address)
    /// The shares add up to `sum` (capped at the first excess) instead of 100,000,000.
    case sumIsNotWhole(sum: UInt64)

    public var description: String {
        switch self {
        case .noOwners: return "a work needs at least one owner"
        case let .tooManyOwners(count): return "\(count) owners exceed the cap of \(Limits.ownersPerWork)"
        case let .zeroShare(index): return "owner \(index) has a zero share; leave it out instead"
        case let .duplicateOwner(owner): return "owner \(owner.bytes) is listed twice; merge the shares"
        case let .sumIsNotWhole(sum):
            return "shares sum to \(sum), not \(Ownership.wholeShare) parts per 100,000,000"
        }
    }
}

/// Checks that `owners` is a valid split: at least one and at most `Limits.ownersPerWork`
/// owners, each distinct with a non-zero share, summing to exactly 100,000,000.
public func validateShares(_ owners: [Ownership]) throws(ShareError) {
    guard !owners.isEmpty else { throw .noOwners }
    guard owners.count <= Limits.ownersPerWork else { throw .tooManyOwners(count: owners.count) }
    var seen = Set<Address>()
    var sum: UInt64 = 0
    for (index, entry) in owners.enumerated() {
        guard entry.share > 0 else { throw .zeroShare(index: index) }
        guard seen.insert(entry.owner).inserted else { throw .duplicateOwner(entry.owner) }
        // Each step stays at most 2 × wholeShare, so the sum cannot overflow.
        sum += min(entry.share, Ownership.wholeShare + 1)
        guard sum <= Ownership.wholeShare else { throw .sumIsNotWhole(sum: sum) }
    }
    guard sum == Ownership.wholeShare else { throw .sumIsNotWhole(sum: sum) }
}
