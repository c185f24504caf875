import FolioConsensus
import FolioCore
import FolioCrypto
import Synchronization

/// One search over a header's nonce space, shared by the worker threads.
final class MiningJob: Sendable {
    /// Raised by a finder, by cancellation, or by shutdown; workers poll it.
    let stop = Atomic<Bool>(false)
    private let state: Mutex<State>

    private struct State {
        var solution: BlockHeader?
        var running: Int
        var continuation: CheckedContinuation<BlockHeader?, Never>?
        var finished = false
    }

    init(workers: Int) {
        state = Mutex(State(solution: nil, running: workers, continuation: nil))
    }

    /// Records a worker's exit (with its solution, if any); the last one out resumes the waiter.
    func workerFinished(with solution: BlockHeader?) {
        if solution != nil { stop.store(true, ordering: .releasing) }
        let resume: (CheckedContinuation<BlockHeader?, Never>, BlockHeader?)? = state.withLock { state in
            if state.solution == nil { state.solution = solution }
            state.running -= 1
            guard state.running == 0 else { return nil }
            state.finished = true
            guard let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, state.solution)
        }
        if let (continuation, solution) = resume { continuation.resume(returning: solution) }
    }

    /// Waits for every worker to exit; returns the first solution found, if any.
    func result() async -> BlockHeader? {
        await withCheckedContinuation { continuation in
            let ready: BlockHeader?? = state.withLock { state in
                if state.finished { return .some(state.solution) }
                state.continuation = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

/// A header's hashing state with its first 128 bytes absorbed: per nonce, one compression
/// for the 29-byte tail with its padding and one for the outer hash, and nothing allocated.
struct HeaderMidstate {
    /// Header bytes the midstate absorbs: two SHA-256 blocks.
    static let prefixCount = 128
    /// Bytes after the prefix that stay fixed: the extra nonce's last byte and the payee.
    static let fixedTailCount = ProofOfWorkSeal.nonceOffset - prefixCount

    private let prefix: SHA256.Hasher
    /// The tail with zeros where the nonce goes, in 32 bytes of storage (29 used).
    private let tail: (UInt64, UInt64, UInt64, UInt64)

    /// The midstate of a proof-of-work header's canonical bytes (157 of them).
    init(header: BlockHeader) {
        let bytes = header.canonicalBytes
        var hasher = SHA256.Hasher()
        hasher.update(bytes[0..<Self.prefixCount])
        prefix = hasher
        var tail: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &tail) { raw in
            for offset in 0..<Self.fixedTailCount where Self.prefixCount + offset < bytes.count {
                raw[offset] = bytes[Self.prefixCount + offset]
            }
        }
        self.tail = tail
    }

    /// The header's proof-of-work value with `nonce` in place.
    @inline(__always)
    func value(nonce: UInt64) -> UInt256 {
        var buffer = tail
        let hash = withUnsafeMutableBytes(of: &buffer) { raw -> Hash256 in
            // The nonce, little-endian, right after the fixed tail (an unaligned store).
            raw.storeBytes(of: nonce.littleEndian, toByteOffset: Self.fixedTailCount, as: UInt64.self)
            var inner = prefix
            inner.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[0..<(Self.fixedTailCount + 8)]))
            return SHA256.hash(inner.finalize())
        }
        return UInt256(littleEndianHash: hash)
    }
}

/// The nonce search of one worker.
struct NonceSearch {
    /// Nonces tried between checks of the stop flag (well under a millisecond of work).
    static let pollInterval: UInt64 = 1024

    var header: BlockHeader
    let target: UInt256
    /// Nonces per extra nonce before this worker moves on (the full 64-bit space unless a
    /// test shrinks it to exercise the roll).
    let nonceSpan: UInt64
    /// How far this worker advances the extra nonce when its span runs out: the worker count,
    /// so workers never share a search space.
    let extraNonceStride: UInt32

    /// Searches until a solution or `stop`; rolls the extra nonce, then the timestamp.
    mutating func run(stop: borrowing Atomic<Bool>) -> BlockHeader? {
        while !stop.load(ordering: .relaxed) {
            let midstate = HeaderMidstate(header: header)
            var nonce: UInt64 = 0
            var remaining = nonceSpan
            while remaining > 0 {
                if nonce % Self.pollInterval == 0, stop.load(ordering: .relaxed) { return nil }
                if midstate.value(nonce: nonce) <= target {
                    guard case var .proofOfWork(seal) = header.seal else { return nil }
                    seal.nonce = nonce
                    header.seal = .proofOfWork(seal)
                    return header
                }
                nonce &+= 1
                remaining -= 1
            }
            rollSearchSpace()
        }
        return nil
    }

    /// Moves to this worker's next extra nonce; when those run out, to the next second with
    /// the extra nonce back at this worker's first value.
    mutating func rollSearchSpace() {
        guard case var .proofOfWork(seal) = header.seal else { return }
        let (next, wrapped) = seal.extraNonce.addingReportingOverflow(extraNonceStride)
        if wrapped {
            header.timestamp += 1
            seal.extraNonce %= Swift.max(extraNonceStride, 1)
        } else {
            seal.extraNonce = next
        }
        header.seal = .proofOfWork(seal)
    }
}
