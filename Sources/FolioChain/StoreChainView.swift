import FolioConsensus
import FolioCore
import FolioStore

/// The engine's read-only window on the chain, answered from the store. A store failure reads
/// as a missing header, which engines report as `missing-ancestor`.
public struct StoreChainView: ChainView {
    /// The chain parameters.
    public let params: ChainParams
    let store: any ChainStore

    /// A view over `store`, for producers outside the chain actor.
    public init(params: ChainParams, store: any ChainStore) {
        self.params = params
        self.store = store
    }

    public func header(hash: Hash256) -> BlockHeader? {
        (try? store.blockEntry(id: hash))??.header
    }

    public func header(atHeight height: UInt64) -> BlockHeader? {
        guard let id = (try? store.mainChainId(atHeight: height)) ?? nil else { return nil }
        return header(hash: id)
    }

    public func authorityVotes(inBlock hash: Hash256) -> [CastVote]? {
        guard let block = (try? store.block(id: hash)) ?? nil else { return nil }
        return CastVote.votes(in: block.transactions)
    }
}

extension ChainWork {
    /// The score as the store keeps it: 32 bytes, big-endian.
    var storedBytes: [UInt8] { value.bigEndianBytes }

    /// Reads a stored score; nil unless 32 bytes.
    init?(storedBytes: [UInt8]) {
        guard let value = UInt256(bigEndian: storedBytes) else { return nil }
        self.init(value)
    }
}
