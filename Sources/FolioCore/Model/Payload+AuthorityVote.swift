import FolioCrypto

/// An authority's vote to add `candidate` to the authority set, or remove it.
/// Only meaningful on a proof-of-authority chain; the engine counts the votes.
public struct AuthorityVote: Hashable, Sendable {
    /// The key voted on.
    public var candidate: PublicKey
    /// `true` to add, `false` to remove.
    public var add: Bool

    /// Creates a vote.
    public init(candidate: PublicKey, add: Bool) {
        self.candidate = candidate
        self.add = add
    }
}

extension AuthorityVote: CanonicalCodable {
    /// `candidate` (32), `add` (one byte, 0 or 1).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(candidate)
        writer.write(add)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        candidate = try reader.read()
        add = try reader.readBool()
    }
}
