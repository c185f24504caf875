import FolioCore
import FolioPeer

/// A chain for peer-protocol tests: headers link by parent and height, bodies connect in
/// order, and ids in `invalidIds` are refused as invalid by consensus. Seals are not checked.
package actor InMemoryPeerChain: ChainBackend {
    private var headersById: [Hash256: BlockHeader] = [:]
    private var blocksById: [Hash256: Block] = [:]
    private var bestHeaderTip: Hash256
    private var validatedTip: Hash256
    private var mempool: [Hash256: Transaction] = [:]
    private var invalidIds: Set<Hash256> = []
    /// Blocks handed to `acceptBlock`, in order, with the verdicts.
    package private(set) var acceptedBlockLog: [Hash256] = []

    /// A chain holding `genesis` only.
    package init(genesis: Block) {
        let id = genesis.id
        headersById[id] = genesis.header
        blocksById[id] = genesis
        bestHeaderTip = id
        validatedTip = id
    }

    /// Marks `id` invalid by consensus.
    package func markInvalid(_ id: Hash256) { invalidIds.insert(id) }

    /// Stores blocks built locally, as a miner would (no announcement).
    package func extend(with blocks: [Block]) async {
        for block in blocks {
            _ = await acceptHeader(block.header)
            _ = await acceptBlock(block)
        }
    }

    /// The validated tip's id.
    package var tip: Hash256 { validatedTip }

    package func status() async -> ChainStatus {
        ChainStatus(validatedHeight: headersById[validatedTip]?.height ?? 0, headerHeight: headersById[bestHeaderTip]?.height ?? 0)
    }

    package func headerLocator() async -> [Hash256] {
        var locator: [Hash256] = []
        var cursor: Hash256? = bestHeaderTip
        var step: UInt64 = 1
        while let id = cursor, let header = headersById[id] {
            locator.append(id)
            if header.height == 0 { break }
            if locator.count >= 10 { step *= 2 }
            let target = header.height > step ? header.height - step : 0
            cursor = ancestor(of: id, at: target)
        }
        return Array(locator.prefix(64))
    }

    package func headers(after locator: [Hash256], stop: Hash256, limit: Int) async -> [BlockHeader] {
        let chain = bestChain()
        let start = locator.lazy.compactMap { id in chain.firstIndex(of: id) }.first ?? 0
        var result: [BlockHeader] = []
        for id in chain.dropFirst(start + 1) {
            guard result.count < limit, let header = headersById[id] else { break }
            result.append(header)
            if id == stop { break }
        }
        return result
    }

    package func acceptHeader(_ header: BlockHeader) async -> ChainVerdict {
        let id = header.id
        if headersById[id] != nil { return .alreadyKnown }
        if invalidIds.contains(id) && header.stateRoot == Self.badHeaderMark { return .invalid("marked bad header") }
        guard let parent = headersById[header.parent] else { return .unknownParent }
        guard header.height == parent.height + 1 else { return .invalid("height \(header.height) after \(parent.height)") }
        headersById[id] = header
        if header.height > (headersById[bestHeaderTip]?.height ?? 0) { bestHeaderTip = id }
        return .accepted
    }

    package func acceptBlock(_ block: Block) async -> ChainVerdict {
        let id = block.id
        acceptedBlockLog.append(id)
        if blocksById[id] != nil { return .alreadyKnown }
        if invalidIds.contains(id) { return .invalid("block \(id) is marked invalid") }
        guard headersById[id] != nil, blocksById[block.header.parent] != nil else { return .unknownParent }
        blocksById[id] = block
        if block.header.height > (headersById[validatedTip]?.height ?? 0) { validatedTip = id }
        return .accepted
    }

    package func acceptTransaction(_ transaction: Transaction) async -> ChainVerdict {
        let id = transaction.id
        if mempool[id] != nil { return .alreadyKnown }
        if invalidIds.contains(id) { return .invalid("transaction marked invalid") }
        mempool[id] = transaction
        return .accepted
    }

    package func block(_ id: Hash256) async -> Block? { blocksById[id] }
    package func transaction(_ id: Hash256) async -> Transaction? { mempool[id] }
    package func hasBlock(_ id: Hash256) async -> Bool { blocksById[id] != nil }
    package func hasTransaction(_ id: Hash256) async -> Bool { mempool[id] != nil }

    /// A header carrying this state root is refused as invalid when its id is marked.
    package static let badHeaderMark = Hash256(bytes: [UInt8](repeating: 0xBA, count: 32)) ?? .zero

    private func ancestor(of id: Hash256, at height: UInt64) -> Hash256? {
        var cursor = id
        while let header = headersById[cursor], header.height > height { cursor = header.parent }
        return headersById[cursor]?.height == height ? cursor : nil
    }

    private func bestChain() -> [Hash256] {
        var ids: [Hash256] = []
        var cursor: Hash256? = bestHeaderTip
        while let id = cursor, let header = headersById[id] {
            ids.append(id)
            cursor = header.height == 0 ? nil : header.parent
        }
        return ids.reversed()
    }
}

/// Builds test blocks: a genesis and children whose seal nonce is their height (no real work).
package enum InMemoryPeerBlocks {
    /// The genesis block of test chain `chainId`.
    package static func genesis(chainId: UInt32 = 7) -> Block {
        Block(header: header(chainId: chainId, height: 0, parent: .zero, salt: 0), transactions: [])
    }

    /// `count` blocks on top of `parent`; `salt` makes forks differ.
    package static func chain(after parent: Block, count: Int, salt: UInt32 = 0) -> [Block] {
        var blocks: [Block] = []
        var previous = parent
        for _ in 0..<count {
            let next = Block(header: header(chainId: previous.header.chainId, height: previous.header.height + 1,
                                            parent: previous.id, salt: salt), transactions: [])
            blocks.append(next)
            previous = next
        }
        return blocks
    }

    private static func header(chainId: UInt32, height: UInt64, parent: Hash256, salt: UInt32) -> BlockHeader {
        BlockHeader(chainId: chainId, height: height, parent: parent, merkleRoot: SHA256.hash([UInt8]()), stateRoot: .zero,
                    timestamp: 1_700_000_000 + Int64(height), seal: .proofOfWork(ProofOfWorkSeal(bits: 0x207f_ffff, extraNonce: salt, nonce: height)))
    }
}
