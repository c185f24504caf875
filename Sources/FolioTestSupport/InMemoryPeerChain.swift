import FolioCore
import FolioPeer

/// A chain for peer-protocol tests: headers link by parent and height, bodies connect in
/// order, and ids in `invalidIds` are refused as invalid by consensus. Seals are not checked;
/// a header's work is read from its proof-of-work bits (`InMemoryPeerBlocks.work(of:)`), and a
/// run of headers is held only if its branch reaches the tip's work, as `ChainBackend` says.
package actor InMemoryPeerChain: ChainBackend {
    private var headersById: [Hash256: BlockHeader] = [:]
    private var workById: [Hash256: UInt64] = [:]
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
        workById[id] = 0
        blocksById[id] = genesis
        bestHeaderTip = id
        validatedTip = id
    }

    /// Marks `id` invalid by consensus.
    package func markInvalid(_ id: Hash256) { invalidIds.insert(id) }

    /// Stores blocks built locally, as a miner would (no announcement, whatever their work).
    package func extend(with blocks: [Block]) async {
        for block in blocks {
            _ = await acceptHeaders([block.header], continuing: nil, proven: true)
            _ = await acceptBlock(block)
        }
    }

    /// The validated tip's id.
    package var tip: Hash256 { validatedTip }

    /// Headers held (with or without their bodies), genesis included.
    package var headerCount: Int { headersById.count }

    /// Whether the header `id` is held.
    package func holdsHeader(_ id: Hash256) -> Bool { headersById[id] != nil }

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

    package func acceptHeaders(_ headers: [BlockHeader], continuing branch: LowWorkBranch?, proven: Bool) async -> HeaderRunOutcome {
        guard !headers.isEmpty else { return HeaderRunOutcome(held: 0, known: 0, refusal: nil) }
        let ids = headers.map(\.id)
        for index in headers.indices.dropFirst() where headers[index].parent != ids[index - 1] {
            return HeaderRunOutcome(held: 0, known: 0, refusal: .invalid("headers do not connect"))
        }
        var known = 0
        if branch == nil {
            while known < headers.count, headersById[ids[known]] != nil { known += 1 }
        }
        if known == headers.count { return HeaderRunOutcome(held: known, known: known, refusal: nil) }
        var parent: BlockHeader
        var work: UInt64
        if let branch {
            guard let last = branch.recent.last, last.id == headers[0].parent, let measured = Self.decode(branch.work) else {
                return HeaderRunOutcome(held: 0, known: 0, refusal: .unknownParent)
            }
            (parent, work) = (last, measured)
        } else if let stored = headersById[headers[known].parent], let measured = workById[stored.id] {
            (parent, work) = (stored, measured)
        } else {
            return HeaderRunOutcome(held: known, known: known, refusal: .unknownParent)
        }
        var works: [UInt64] = []
        var invalid: String?
        for (offset, header) in headers[known...].enumerated() {
            if invalidIds.contains(ids[known + offset]) && header.stateRoot == Self.badHeaderMark {
                invalid = "marked bad header"
                break
            }
            guard header.height == parent.height + 1 else {
                invalid = "height \(header.height) after \(parent.height)"
                break
            }
            work = work.addingReportingOverflow(InMemoryPeerBlocks.work(of: header)).partialValue
            works.append(work)
            parent = header
        }
        if let invalid { return HeaderRunOutcome(held: known, known: known, refusal: .invalid(invalid)) }
        // Measured only when it matters: a miner's own blocks (`proven`) skip the scan.
        let threshold = proven ? 0 : self.threshold()
        if let branch {
            if let index = works.firstIndex(where: { $0 >= threshold }) {
                return HeaderRunOutcome(held: 0, known: 0, refusal: .enoughWork(index: index))
            }
            return HeaderRunOutcome(held: 0, known: 0, refusal: .lowWork(LowWorkBranch(
                anchor: branch.anchor, recent: branch.recent + headers, work: Self.encode(work), length: branch.length + headers.count)))
        }
        guard proven || work >= threshold else {
            return HeaderRunOutcome(held: known, known: known, refusal: .lowWork(LowWorkBranch(
                anchor: headers[known].parent, recent: headers, work: Self.encode(work), length: works.count)))
        }
        for (offset, header) in headers[known...].enumerated() {
            let id = ids[known + offset]
            headersById[id] = header
            workById[id] = works[offset]
            if works[offset] > workById[bestHeaderTip] ?? 0 { bestHeaderTip = id }
        }
        return HeaderRunOutcome(held: headers.count, known: known, refusal: nil)
    }

    /// The tip's work, or the most work among headers whose bodies are not in yet, if more.
    private func threshold() -> UInt64 {
        let pending = headersById.keys.filter { blocksById[$0] == nil }.compactMap { workById[$0] }.max() ?? 0
        return max(workById[validatedTip] ?? 0, pending)
    }

    private static func encode(_ work: UInt64) -> BranchWork {
        BranchWork(bytes: (0..<8).map { UInt8(truncatingIfNeeded: work >> (56 - 8 * $0)) })
    }

    private static func decode(_ work: BranchWork) -> UInt64? {
        guard work.bytes.count == 8 else { return nil }
        return work.bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    package func acceptBlock(_ block: Block) async -> ChainVerdict {
        let id = block.id
        acceptedBlockLog.append(id)
        if blocksById[id] != nil { return .alreadyKnown }
        if invalidIds.contains(id) { return .invalid("block \(id) is marked invalid") }
        guard headersById[id] != nil, blocksById[block.header.parent] != nil else { return .unknownParent }
        blocksById[id] = block
        if workById[id] ?? 0 > workById[validatedTip] ?? 0 { validatedTip = id }
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

    /// Bits of a header worth 1 (`work(of:)`): the bits every test block carries by default.
    package static let lightBits: UInt32 = 0x207f_ffff
    /// Bits of a header worth 256, a target 256 times smaller.
    package static let heavyBits: UInt32 = 0x1f7f_ffff

    /// A header's work for `InMemoryPeerChain`: 256 to the power of how many bytes its
    /// compact target's exponent is below 0x20 (so each step is a target 256 times smaller),
    /// 1 for anything else. Like real proof of work, a smaller target is worth more.
    package static func work(of header: BlockHeader) -> UInt64 {
        guard case let .proofOfWork(seal) = header.seal else { return 1 }
        let exponent = Int(seal.bits >> 24)
        guard exponent < 0x20, exponent >= 0x19 else { return 1 }
        return 1 << (8 * UInt64(0x20 - exponent))
    }

    /// `count` blocks on top of `parent`; `salt` makes forks differ; `bits` sets their work.
    package static func chain(after parent: Block, count: Int, salt: UInt32 = 0, bits: UInt32 = lightBits) -> [Block] {
        var blocks: [Block] = []
        var previous = parent
        for _ in 0..<count {
            let next = Block(header: header(chainId: previous.header.chainId, height: previous.header.height + 1,
                                            parent: previous.id, salt: salt, bits: bits), transactions: [])
            blocks.append(next)
            previous = next
        }
        return blocks
    }

    private static func header(chainId: UInt32, height: UInt64, parent: Hash256, salt: UInt32, bits: UInt32 = lightBits) -> BlockHeader {
        BlockHeader(chainId: chainId, height: height, parent: parent, merkleRoot: SHA256.hash([UInt8]()), stateRoot: .zero,
                    timestamp: 1_700_000_000 + Int64(height), seal: .proofOfWork(ProofOfWorkSeal(bits: bits, extraNonce: salt, nonce: height)))
    }
}
