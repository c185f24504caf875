import FolioAPI
import FolioCore
import Foundation
import Synchronization

/// When this node first heard of each recent block and when it validated it, in wall-clock
/// milliseconds, for B9/B10 of BENCHMARKS.md (`net_blocktimes`, `folio-testnet propagation`).
/// "Heard" is the first of: a peer's announcement asked about, its header or its body
/// arriving, or this node connecting it. Bounded: the oldest blocks are forgotten first.
final class BlockTimings: Sendable {
    /// Blocks remembered at most.
    static let capacity = 2_048

    private struct Record {
        var heardMs: Int64
        var height: UInt64?
        var validatedMs: Int64?
        var validationMicros: Int64?
    }

    private struct State {
        var records: [Hash256: Record] = [:]
        var order: [Hash256] = []
    }

    private let state = Mutex(State())
    private let clock: @Sendable () -> Int64

    /// A recorder reading wall-clock milliseconds from `clock`.
    init(clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.clock = clock
    }

    /// Notes that block `id` was heard of now, unless it was before.
    func heard(_ id: Hash256) {
        let now = clock()
        state.withLock { state in
            guard state.records[id] == nil else { return }
            state.records[id] = Record(heardMs: now)
            state.order.append(id)
            if state.order.count > Self.capacity {
                let drop = state.order.count - Self.capacity
                for old in state.order.prefix(drop) { state.records[old] = nil }
                state.order.removeFirst(drop)
            }
        }
    }

    /// Notes that block `id` at `height` was validated and connected now, after `micros` of
    /// validation (0 for a block this node sealed).
    func validated(_ id: Hash256, height: UInt64, micros: Int64) {
        heard(id)
        let now = clock()
        state.withLock { state in
            guard state.records[id]?.validatedMs == nil else { return }
            state.records[id]?.height = height
            state.records[id]?.validatedMs = now
            state.records[id]?.validationMicros = micros
        }
    }

    /// The validated blocks remembered, oldest first, at most `limit`.
    func entries(limit: Int) -> [BlockTimeEntry] {
        state.withLock { state in
            let validated = state.order.compactMap { id -> BlockTimeEntry? in
                guard let record = state.records[id], let height = record.height, let at = record.validatedMs else { return nil }
                return BlockTimeEntry(id: id.description, height: height, heardMs: record.heardMs, validatedMs: at,
                                      validationMicros: record.validationMicros ?? 0)
            }
            return Array(validated.suffix(max(limit, 0)))
        }
    }
}
