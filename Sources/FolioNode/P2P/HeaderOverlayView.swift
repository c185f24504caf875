import FolioChain
import FolioConsensus
import FolioCore
import FolioStore

/// The chain as a header's checks see it while its branch is not stored: the headers of the
/// run being checked (and the context a low-work branch keeps), then the header tree, then
/// the store. Lets the engine judge a header whose parent is not a stored block, where it
/// needs only headers (proof of work: target, seal, median time past).
struct HeaderOverlayView: ChainView {
    let params: ChainParams
    private let stored: StoreChainView
    private let tree: HeaderTree
    private var extra: [Hash256: BlockHeader] = [:]

    /// A view over `store` and `tree`.
    init(params: ChainParams, store: any ChainStore, tree: HeaderTree) {
        self.params = params
        stored = StoreChainView(params: params, store: store)
        self.tree = tree
    }

    /// Adds a header that is in neither the tree nor the store.
    mutating func add(_ header: BlockHeader) { extra[header.id] = header }

    func header(hash: Hash256) -> BlockHeader? { extra[hash] ?? tree.header(hash) ?? stored.header(hash: hash) }

    func header(atHeight height: UInt64) -> BlockHeader? { stored.header(atHeight: height) }

    func authorityVotes(inBlock hash: Hash256) -> [CastVote]? { stored.authorityVotes(inBlock: hash) }
}
