import FolioCore
import FolioCrypto
import FolioFingerprint

/// What `folio-testnet up` builds: how many nodes, which engine, which ports, and the genesis
/// every node shares. Keys derive from published labels, like the dev chain's: a testnet is
/// for trying things, never for value.
public struct TestnetPlan: Sendable {
    /// The consensus engine a testnet runs.
    public enum Engine: String, Codable, Sendable, CaseIterable {
        case poa
        case pow
    }

    /// Number of nodes.
    public let nodeCount: Int
    /// The engine.
    public let engine: Engine
    /// Node i serves RPC on `basePort + 2i` and peers on `basePort + 2i + 1`.
    public let basePort: Int
    /// Seed of the peer graph, so the same plan gives the same links.
    public let graphSeed: UInt64
    /// Seconds added to given nodes' clocks (`clock-offset`), for clock-skew runs.
    public var clockOffsets: [Int: Int64] = [:]
    /// On proof of work, the nodes that mine (default: the first two); ignored on PoA.
    public var miners: Set<Int>?
    /// Whether nodes dial each other through the tool's link proxy (for `delay` and `loss`).
    public var viaProxy = false
    /// Least neighbours per node in the peer graph (nil: the sparse default graph).
    public var degree: Int?
    /// Whether each node runs in a network namespace of its own (`up --netns`, root only).
    public var netns = false
    /// Seconds between blocks: the PoA period or the PoW target spacing (default 1 and 2).
    public var blockPeriodSeconds: UInt32?

    /// The block period in force: `blockPeriodSeconds`, else 1 s (PoA) or 2 s (PoW).
    public var blockPeriod: UInt32 { blockPeriodSeconds ?? (engine == .poa ? 1 : 2) }

    /// A plan; `nodeCount` from 1 to 64.
    public init(nodeCount: Int, engine: Engine, basePort: Int = 19_400, graphSeed: UInt64 = 1) throws(TestnetError) {
        guard (1...64).contains(nodeCount) else { throw .usage("--nodes must be between 1 and 64, got \(nodeCount)") }
        guard (1024...65_000).contains(basePort), basePort + 4 * nodeCount < 65_536 else {
            throw .usage("--base-port \(basePort) leaves no room for \(nodeCount) nodes")
        }
        self.nodeCount = nodeCount
        self.engine = engine
        self.basePort = basePort
        self.graphSeed = graphSeed
    }

    /// The testnet's chain id.
    public static let chainId: UInt32 = 7100

    /// Node `index`'s RPC port.
    public func rpcPort(_ index: Int) -> Int { basePort + 2 * index }
    /// Node `index`'s peer-to-peer port.
    public func p2pPort(_ index: Int) -> Int { basePort + 2 * index + 1 }

    /// The proxied links (with `viaProxy`): one per `peerLinks` entry, listening from
    /// `basePort + 2 * nodeCount` up (at most two links per node, so within `4 * nodeCount`).
    public func proxyLinks() -> [ProxyLink] {
        var links: [ProxyLink] = []
        for (from, targets) in peerLinks().enumerated() {
            for to in targets {
                links.append(ProxyLink(from: from, to: to, listenPort: basePort + 2 * nodeCount + links.count, targetPort: p2pPort(to)))
            }
        }
        return links
    }

    /// The sealing key of authority `index` (proof of authority): seed SHA-256 of
    /// `folio-testnet-authority-<index>`.
    public static func authorityKey(_ index: Int) throws(CryptoError) -> PrivateKey {
        try PrivateKey(seed: SHA256.hash(Array("folio-testnet-authority-\(index)".utf8)).bytes)
    }

    /// A proof-of-work testnet block's reward, base units (PoA testnets mint nothing).
    public static let powBlockReward: UInt64 = 50_000

    /// The address proof-of-work miner `index` is paid at: that of authority key `index`
    /// (so a testnet's producers are the same accounts on either engine).
    public static func minerPayee(_ index: Int) throws(TestnetError) -> Address {
        do { return Address(publicKey: try authorityKey(index).publicKey) } catch {
            throw .setup("miner payee \(index): \(error)")
        }
    }

    /// The genesis: every node an authority (PoA, `blockPeriod` 1 s by default) or a
    /// low-target PoW chain (spacing `blockPeriod`, 2 s by default); the ten dev accounts prefunded, so the dev keystore works here.
    public func genesis(timestamp: Int64) throws(TestnetError) -> ChainParams {
        do {
            let consensus: ConsensusParams
            switch engine {
            case .poa:
                let keys = try (0..<nodeCount).map { index throws(CryptoError) in try Self.authorityKey(index).publicKey }
                consensus = .proofOfAuthority(ProofOfAuthorityParams(authorities: keys, periodSeconds: blockPeriod))
            case .pow:
                consensus = .proofOfWork(ProofOfWorkParams(targetSpacingSeconds: blockPeriod, halfLifeSeconds: 120, initialBits: 0x1e10_0000))
            }
            let accounts = try (0..<DevChain.accountCount).map { index throws(CryptoError) in try DevChain.account(index) }
            return try ChainParams(
                chainId: Self.chainId, network: .test, genesisTimestamp: timestamp, consensus: consensus,
                blockReward: engine == .pow ? Amount(baseUnits: Self.powBlockReward) : .zero,
                prefunded: accounts.map {
                    GenesisAllocation(address: Address(publicKey: $0.publicKey), amount: Amount(baseUnits: DevChain.prefundBaseUnits))
                },
                fingerprint: DevChain.fingerprintThresholds,
                modelId: Hash256(hex: FingerprintModel.shippedIDHex) ?? .zero,
                maxBlockBytes: 2_097_152, maxTransactionsPerBlock: 10_000)
        } catch let error as GenesisError {
            throw .setup("the testnet genesis is invalid: \(error)")
        } catch {
            throw .setup("the testnet keys could not be derived: \(error)")
        }
    }

    /// Which nodes each node dials: node i > 0 links to one earlier node at random (so the
    /// graph is connected), plus one more random link per node for redundancy when N > 3.
    /// With `degree` set, random links are added until every node has at least that many
    /// neighbours (or all the others), for B9's "random graph of degree 8".
    public func peerLinks() -> [[Int]] {
        var generator = SplitMix(seed: graphSeed)
        var links = [[Int]](repeating: [], count: nodeCount)
        for node in 1..<max(nodeCount, 1) {
            links[node].append(Int(generator.next() % UInt64(node)))
        }
        if nodeCount > 3 {
            for node in 0..<nodeCount {
                let other = Int(generator.next() % UInt64(nodeCount))
                if other != node, !links[node].contains(other), !links[other].contains(node) { links[node].append(other) }
            }
        }
        guard let degree, nodeCount > 1 else { return links }
        let wanted = min(degree, nodeCount - 1)
        func neighbours(_ node: Int) -> Int { links[node].count + links.indices.filter { links[$0].contains(node) }.count }
        for node in 0..<nodeCount {
            var tries = 0
            while neighbours(node) < wanted, tries < 64 * nodeCount {
                tries += 1
                let other = Int(generator.next() % UInt64(nodeCount))
                if other != node, !links[node].contains(other), !links[other].contains(node) { links[node].append(other) }
            }
        }
        return links
    }

    /// The undirected neighbours of each node in `peerLinks()`.
    public func neighbours() -> [Set<Int>] {
        var sets = [Set<Int>](repeating: [], count: nodeCount)
        for (node, dials) in peerLinks().enumerated() {
            for other in dials {
                sets[node].insert(other)
                sets[other].insert(node)
            }
        }
        return sets
    }

    /// Nodes that produce blocks: all of them on PoA; on PoW `miners`, by default the first
    /// two (one thread each), so twenty nodes do not fight over two cores.
    public func producers() -> Set<Int> {
        if engine == .poa { return Set(0..<nodeCount) }
        return miners.map { $0.filter { (0..<nodeCount).contains($0) } } ?? Set(0..<min(nodeCount, 2))
    }
}

/// SplitMix64: a small seeded generator so peer graphs repeat.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
