import FolioCore
import FolioNetwork
import FolioPeer

extension P2PService {
    /// Ledger events waiting for the relay, at most (older ones are dropped: a missed
    /// announcement only delays a peer until its next sync).
    static let relayBuffer = 1_024

    /// Observes the ledger and announces what this node added itself: blocks it produced
    /// (or took through RPC) and transactions submitted over RPC. Blocks and transactions
    /// from peers are announced by the `PeerManager` when it hands them to the ledger. Also
    /// logs the manager's notes (body re-requests and the like).
    func startRelay(manager: PeerManager, network: PeerNetwork) async {
        let (events, input) = AsyncStream.makeStream(of: LedgerEvent.self, bufferingPolicy: .bufferingNewest(Self.relayBuffer))
        relayInput = input
        let logger = logger
        await network.observeNotes { level, text in
            switch level {
            case .debug: logger.debug("\(text)")
            case .info: logger.info("\(text)")
            }
        }
        let timings = backend.timings
        observerToken = await ledger.addObserver { event in
            switch event {
            case let .blockConnected(block, local: true, _):
                // A block this node sealed: its origin for propagation timing.
                timings.validated(block.id, height: block.header.height, micros: 0)
                input.yield(event)
            case .transactionAdded(_, local: true): input.yield(event)
            case .blockConnected, .transactionAdded: break
            }
        }
        tasks.append(Task {
            for await event in events {
                let peerEvent: PeerEvent
                switch event {
                case let .blockConnected(block, _, _): peerEvent = .localBlock(block)
                case let .transactionAdded(transaction, _): peerEvent = .localTransaction(transaction)
                }
                let actions = await manager.handle(peerEvent, now: await network.now)
                await network.perform(actions)
            }
        })
    }
}
