import FolioAPI
import FolioCore
import Foundation

/// B12 of BENCHMARKS.md through a running proof-of-authority testnet: the share of blocks
/// sealed in turn while every authority is up (target ≥ 99%), and, with the authority whose
/// turn is next killed, how long the chain waits for someone else's block (target: within the
/// period plus N × 500 ms of the block before it).
public struct AuthorityBench: Sendable {
    /// One recovery trial: the in-turn authority of `height` was killed before its turn.
    public struct Recovery: Sendable, Equatable {
        /// The height whose in-turn authority was down.
        public var height: UInt64
        /// The node killed.
        public var victim: Int
        /// Milliseconds from the first connect of the block before it to the first connect
        /// of the block at `height` (each block's first connect is its sealer's).
        public var gapMillis: Double
        /// Whether the block at `height` was sealed out of turn (false: the kill came too
        /// late and the victim sealed it, so the trial says nothing).
        public var outOfTurn: Bool
    }

    /// The result of a run.
    public struct Report: Sendable {
        /// Authorities (nodes) in the testnet.
        public var authorities: Int
        /// The block period from genesis, seconds.
        public var periodSeconds: UInt32
        /// Heights measured with everyone up.
        public var measuredBlocks: Int
        /// Of those, sealed by the authority in turn.
        public var inTurnBlocks: Int
        /// The recovery trials.
        public var recoveries: [Recovery]

        /// In-turn blocks ÷ measured blocks.
        public var inTurnShare: Double { measuredBlocks == 0 ? 0 : Double(inTurnBlocks) / Double(measuredBlocks) }
        /// B12's bound on a recovery: the period plus N × 500 ms.
        public var recoveryBoundMillis: Double { Double(periodSeconds) * 1000 + Double(authorities) * 500 }
        /// The trials that measured something (the block was sealed out of turn).
        public var validRecoveries: [Recovery] { recoveries.filter(\.outOfTurn) }
        /// Whether both targets hold: ≥ 99% in turn, every valid recovery within the bound,
        /// and at least one valid recovery.
        public var meetsTargets: Bool {
            inTurnShare >= 0.99 && !validRecoveries.isEmpty && validRecoveries.allSatisfy { $0.gapMillis <= recoveryBoundMillis }
        }
    }

    /// Counts how many of `sealers` (authority keys in hex, by height) sealed in turn under
    /// `authorities` (turn order): the block at height h is in turn for authorities[h mod N].
    static func inTurnCount(sealers: [UInt64: String], authorities: [String]) -> Int {
        guard !authorities.isEmpty else { return 0 }
        return sealers.filter { height, sealer in authorities[Int(height % UInt64(authorities.count))] == sealer }.count
    }

    /// The first connect of each block among the nodes' records (nil: no node has it).
    static func firstConnect(_ id: String, in times: [[String: BlockTimeEntry]]) -> Int64? {
        times.compactMap { $0[id]?.validatedMs }.min()
    }

    /// The authorities' public keys in turn order, hex, and the period, from a genesis file.
    static func authorities(genesisAt path: String) throws(TestnetError) -> (keys: [String], period: UInt32) {
        let params: ChainParams
        do { params = try ChainParams.load(genesisFileAt: path) } catch {
            throw .setup("cannot read the testnet's genesis \(path): \(error)")
        }
        guard case let .proofOfAuthority(poa) = params.consensus else {
            throw .usage("authority-bench needs a proof-of-authority testnet (`up --engine poa`)")
        }
        return (poa.authorities.map { HexCoding.encode($0.bytes) }, poa.periodSeconds)
    }
}
