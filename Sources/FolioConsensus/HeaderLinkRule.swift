import FolioCore

/// Context checks that tie a header to its parent, the same for every engine.
public enum HeaderLinkRule {
    /// Checks version, chain id, parent id and height of `header` against `parent`.
    public static func check(_ header: BlockHeader, parent: BlockHeader, params: ChainParams) throws(ValidationError) {
        guard header.version == BlockHeader.currentVersion else { throw .peer(ValidationError.Reason.badVersion) }
        guard header.chainId == params.chainId else { throw .peer(ValidationError.Reason.wrongChain) }
        guard header.parent == parent.id else { throw .peer(ValidationError.Reason.badParent) }
        guard parent.height < UInt64.max, header.height == parent.height + 1 else {
            throw .peer(ValidationError.Reason.badHeight)
        }
    }
}
