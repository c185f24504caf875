import FolioCore
import FolioCrypto
import FolioNode
import FolioTestSupport
import FolioWire
@testable import FolioPeer

/// A provider with the identity whose seed is 32 copies of `seed`.
func crypto(_ seed: UInt8) throws -> FolioPeerCrypto {
    FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: seed, count: 32)))
}

/// The version a test node announces.
func version(chainId: UInt32 = 7, genesis: Hash256 = .zero, protocolVersion: UInt32 = 1) -> VersionMessage {
    VersionMessage(protocolVersion: protocolVersion, chainId: chainId, genesis: genesis, bestHeight: 0,
                   listenPort: 9333, userAgent: "test")
}

/// Two sessions joined directly: outputs of one are fed to the other in order until both
/// are quiet. Frames can be altered on the way by `tamper`.
struct SessionPair {
    var initiator: PeerSession
    var responder: PeerSession
    /// Every frame, in delivery order: (sent by the initiator?, type byte).
    var log: [(fromInitiator: Bool, type: UInt8)] = []
    var initiatorOutputs: [SessionOutput] = []
    var responderOutputs: [SessionOutput] = []

    mutating func run(tamper: (Bool, inout Frame) -> Void = { _, _ in }) {
        var queue: [(toResponder: Bool, frame: Frame)] = []
        func collect(_ outputs: [SessionOutput], fromInitiator: Bool, into queue: inout [(toResponder: Bool, frame: Frame)]) {
            for output in outputs { if case let .send(frame, _) = output { queue.append((fromInitiator, frame)) } }
        }
        let started = initiator.start()
        initiatorOutputs += started
        collect(started, fromInitiator: true, into: &queue)
        while !queue.isEmpty {
            var (toResponder, frame) = queue.removeFirst()
            tamper(toResponder, &frame)
            log.append((toResponder, frame.type))
            if toResponder {
                let outputs = responder.receive(frame)
                responderOutputs += outputs
                collect(outputs, fromInitiator: false, into: &queue)
            } else {
                let outputs = initiator.receive(frame)
                initiatorOutputs += outputs
                collect(outputs, fromInitiator: true, into: &queue)
            }
        }
    }
}

/// The first close among `outputs`.
func closeReason(_ outputs: [SessionOutput]) -> DisconnectReason? {
    for output in outputs { if case let .close(reason, _) = output { return reason } }
    return nil
}

/// A chain, its genesis, and `count` blocks on it.
func chainWithBlocks(_ count: Int) async -> (chain: InMemoryPeerChain, genesis: Block, blocks: [Block]) {
    let genesis = InMemoryPeerBlocks.genesis()
    let chain = InMemoryPeerChain(genesis: genesis)
    let blocks = InMemoryPeerBlocks.chain(after: genesis, count: count)
    await chain.extend(with: blocks)
    return (chain, genesis, blocks)
}
