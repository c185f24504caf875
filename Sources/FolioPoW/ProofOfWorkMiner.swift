import FolioConsensus
import FolioCore
import Foundation

/// The proof-of-work producer: fills in the ASERT bits and searches nonces on every core.
///
/// Worker `i` starts at extra nonce `i` and steps by the worker count, so no two workers hash
/// the same header. Cancelling the calling task stops every worker within one poll interval
/// (about a millisecond of hashing).
public struct ProofOfWorkMiner: BlockProducer {
    /// Supplies the expected bits.
    public let engine: ProofOfWorkEngine
    /// Worker threads (defaults to the active core count).
    public let workers: Int
    /// Nonces per extra nonce; the full 64-bit space in production.
    let nonceSpan: UInt64

    /// A miner for `engine` on `workers` threads (at least one).
    public init(engine: ProofOfWorkEngine, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.init(engine: engine, workers: workers, nonceSpan: .max)
    }

    init(engine: ProofOfWorkEngine, workers: Int, nonceSpan: UInt64) {
        self.engine = engine
        self.workers = Swift.max(1, workers)
        self.nonceSpan = Swift.max(1, nonceSpan)
    }

    public func produce(_ template: Block, parent: BlockHeader, chain: some ChainView) async throws(ProductionError) -> Block {
        guard template.header.height == parent.height &+ 1, template.header.parent == parent.id else {
            throw .invalidTemplate("template does not extend the given parent")
        }
        let bits = engine.expectedBits(after: parent)
        guard let target = CompactTarget.target(from: bits) else { throw .invalidTemplate("no valid target") }
        // The template's seal names the payee its state root already pays; the miner keeps it.
        guard case let .proofOfWork(templateSeal) = template.header.seal else {
            throw .invalidTemplate("a proof-of-work template must carry a proof-of-work seal naming its payee")
        }
        let job = MiningJob(workers: workers)
        for index in 0..<workers {
            var header = template.header
            header.seal = .proofOfWork(ProofOfWorkSeal(bits: bits, extraNonce: UInt32(index), payee: templateSeal.payee, nonce: 0))
            let search = NonceSearch(header: header, target: target, nonceSpan: nonceSpan,
                                     extraNonceStride: UInt32(workers))
            let thread = Thread {
                var mine = search
                job.workerFinished(with: mine.run(stop: job.stop))
            }
            thread.start()
        }
        let solution = await withTaskCancellationHandler {
            await job.result()
        } onCancel: {
            job.stop.store(true, ordering: .releasing)
        }
        guard let solution else { throw .cancelled }
        return Block(header: solution, transactions: template.transactions)
    }
}
