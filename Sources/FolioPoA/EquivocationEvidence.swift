import FolioCore

/// Proof that one authority sealed two different blocks at the same height: both headers,
/// each carrying the authority's valid signature.
public struct EquivocationEvidence: Hashable, Sendable {
    /// The header seen first.
    public let first: BlockHeader
    /// The conflicting header, refused.
    public let second: BlockHeader
    /// The authority that sealed both.
    public let authority: PublicKey

    /// Creates evidence from the two headers.
    public init(first: BlockHeader, second: BlockHeader, authority: PublicKey) {
        self.first = first
        self.second = second
        self.authority = authority
    }
}
