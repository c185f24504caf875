import FolioConsensus
import FolioCore
import FolioPoA
import FolioPoW

/// The one place the node turns genesis parameters into a consensus engine. A third engine is
/// one new target and one new case here; nothing else names an engine.
public enum ConsensusEngineFactory {
    /// Why no engine could be made.
    public enum SelectionError: Error, Equatable, Sendable {
        /// The parameters do not describe a usable engine (named in the message).
        case unusableParameters(String)
        /// The producer role does not fit the chain's engine.
        case roleMismatch(String)
    }

    /// How this node produces blocks, if it does.
    public enum ProducerRole: Sendable {
        /// Mine proof of work on `workers` threads.
        case miner(workers: Int)
        /// Seal as `authority`, signing through `sign` (never a keystore).
        case authority(PublicKey, sign: ProofOfAuthoritySealer.Sign)
    }

    /// The verifying engine the genesis parameters name.
    public static func make(params: ChainParams) throws(SelectionError) -> any ConsensusEngine {
        switch params.consensus {
        case .proofOfWork:
            guard let engine = ProofOfWorkEngine(chain: params) else { throw .unusableParameters("pow.initialBits") }
            return engine
        case .proofOfAuthority:
            guard let engine = ProofOfAuthorityEngine(chain: params) else { throw .unusableParameters("poa") }
            return engine
        }
    }

    /// The producer for `role` on top of `engine` (from `make(params:)`).
    public static func makeProducer(
        engine: any ConsensusEngine, role: ProducerRole, clock: any ProductionClock = SystemProductionClock()
    ) throws(SelectionError) -> any BlockProducer {
        switch role {
        case let .miner(workers):
            guard let pow = engine as? ProofOfWorkEngine else { throw .roleMismatch("mining needs a proof-of-work chain") }
            return ProofOfWorkMiner(engine: pow, workers: workers)
        case let .authority(key, sign):
            guard let poa = engine as? ProofOfAuthorityEngine else { throw .roleMismatch("sealing needs a proof-of-authority chain") }
            return ProofOfAuthoritySealer(engine: poa, authority: key, sign: sign, clock: clock)
        }
    }
}
