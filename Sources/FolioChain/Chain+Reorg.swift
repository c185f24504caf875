import FolioConsensus
import FolioCore
import FolioStore

extension Chain {
    /// Makes `block` (already checked for sanity and context, heavier than the tip) the new
    /// tip: reverts the main chain to the fork point with undo data, connects the side branch
    /// and the block on an overlay, and commits all of it in one store transaction. If any
    /// block fails, nothing is written and the tip stays.
    func becomeTip(_ block: Block, ids: [Hash256], score: ChainWork, into outcome: inout BlockOutcome) throws(ChainRejection) -> BlockStatus {
        var overlay = try storeCall { () throws(StoreError) in try StateOverlay(store: store) }
        let path = try branch(to: block.header.parent)
        var updates: [ChainUpdate] = []
        var disconnected: [Block] = []
        for blockId in path.disconnect {
            let (undo, old) = try storeCall { () throws(StoreError) in (try store.undo(blockId: blockId), try store.block(id: blockId)) }
            guard let undo, let old else { throw .local(.inconsistent("no undo data for main-chain block \(blockId)")) }
            overlay.revert(with: undo)
            updates.append(.disconnect(blockId: blockId))
            disconnected.append(old)
        }
        var connected: [Block] = []
        for sideId in path.connect {
            guard let side = try storeCall({ () throws(StoreError) in try store.block(id: sideId) }) else {
                throw .local(.inconsistent("side-branch block \(sideId) is not stored"))
            }
            do {
                updates.append(try connect(side, ids: side.transactions.map(\.id), on: &overlay))
            } catch {
                invalid.insert(sideId)
                throw error
            }
            connected.append(side)
        }
        updates.append(try connect(block, ids: ids, on: &overlay))
        connected.append(block)
        try storeCall { () throws(StoreError) in
            try store.storeBlock(block, score: score.storedBytes)
            try store.apply(updates)
        }
        tipState = ChainTip(id: block.id, height: block.header.height)
        tipScore = score
        outcome.connected += connected
        outcome.disconnected += disconnected
        return disconnected.isEmpty ? .connected : .reorganized(depth: disconnected.count)
    }

    /// Applies `block` to `overlay` and checks the state root it commits to.
    func connect(_ block: Block, ids: [Hash256], on overlay: inout StateOverlay) throws(ChainRejection) -> ChainUpdate {
        var transition = StateTransition(params: params, licences: licences, overlay: overlay)
        try transition.apply(block, ids: ids, producer: producer(block.header))
        overlay = transition.overlay
        guard overlay.accumulator.root == block.header.stateRoot else { throw .peer(ChainReason.badStateRoot) }
        let (changes, undo) = overlay.finishBlock()
        return .connect(ConnectBatch(block: block, transactionIds: ids, changes: changes, undo: undo))
    }

    /// The main-chain blocks to disconnect (tip first) and the stored blocks to connect (oldest
    /// first) to make `target` the tip.
    func branch(to target: Hash256) throws(ChainRejection) -> (disconnect: [Hash256], connect: [Hash256]) {
        var disconnect: [Hash256] = []
        var connect: [Hash256] = []
        var main = try header(tipState.id)
        var side = try header(target)
        while side.height > main.height {
            connect.append(side.id)
            side = try header(side.parent)
        }
        while main.height > side.height {
            disconnect.append(main.id)
            main = try header(main.parent)
        }
        while main.id != side.id {
            disconnect.append(main.id)
            connect.append(side.id)
            main = try header(main.parent)
            side = try header(side.parent)
        }
        return (disconnect, connect.reversed())
    }

    private func header(_ id: Hash256) throws(ChainRejection) -> BlockHeader {
        guard let entry = try storeCall({ () throws(StoreError) in try store.blockEntry(id: id) }) else {
            throw .local(.inconsistent("header \(id) is missing from the store"))
        }
        return entry.header
    }

    /// Builds a block on `parent` (any stored block) with the Merkle and state roots filled
    /// in, for producers and tests; the engine's seal is `seal` as given.
    public func blockTemplate(parent: Hash256, transactions: [Transaction], timestamp: Int64, seal: Seal) throws(ChainRejection) -> Block {
        let parentHeader = try header(parent)
        let header = BlockHeader(
            chainId: params.chainId, height: parentHeader.height + 1, parent: parent,
            merkleRoot: MerkleTree.root(of: transactions.map(\.id)), stateRoot: .zero, timestamp: timestamp, seal: seal)
        var overlay = try storeCall { () throws(StoreError) in try StateOverlay(store: store) }
        let path = try branch(to: parent)
        for blockId in path.disconnect {
            guard let undo = try storeCall({ () throws(StoreError) in try store.undo(blockId: blockId) }) else {
                throw .local(.inconsistent("no undo data for main-chain block \(blockId)"))
            }
            overlay.revert(with: undo)
        }
        for sideId in path.connect {
            guard let side = try storeCall({ () throws(StoreError) in try store.block(id: sideId) }) else {
                throw .local(.inconsistent("side-branch block \(sideId) is not stored"))
            }
            _ = try connect(side, ids: side.transactions.map(\.id), on: &overlay)
        }
        var transition = StateTransition(params: params, licences: licences, overlay: overlay)
        var block = Block(header: header, transactions: transactions)
        try transition.apply(block, ids: transactions.map(\.id), producer: producer(header))
        block.header.stateRoot = transition.overlay.accumulator.root
        return block
    }

    func storeCall<T>(_ body: () throws(StoreError) -> T) throws(ChainRejection) -> T {
        do { return try body() } catch { throw .local(error) }
    }
}
