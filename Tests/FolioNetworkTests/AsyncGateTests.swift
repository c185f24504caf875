@testable import FolioNetwork
import Testing

/// The gate `PeerNetwork` holds across handle-and-perform: holders run one at a time, in the
/// order they arrived, even when a holder suspends while holding it.
@Suite struct AsyncGateTests {
    actor Recorder {
        var gate = AsyncGate()
        var log: [String] = []
        private var held: CheckedContinuation<Void, Never>?

        /// Takes the gate, logs, and (if `hold`) stays suspended inside until `letGo()`.
        func run(_ name: String, hold: Bool = false) async {
            await withCheckedContinuation { continuation in gate.acquire(continuation) }
            log.append("\(name) in")
            if hold { await withCheckedContinuation { continuation in held = continuation } }
            log.append("\(name) out")
            gate.release()
        }

        func letGo() {
            held?.resume()
            held = nil
        }

        var isHolding: Bool { held != nil }
    }

    /// Polls `condition` with short sleeps (no time is asserted; the sleeps let tasks run).
    static func until(_ condition: () async -> Bool) async throws {
        while !(await condition()) { try await Task.sleep(for: .milliseconds(1)) }
    }

    @Test func holdersRunOneAtATimeInArrivalOrder() async throws {
        let recorder = Recorder()
        let first = Task { await recorder.run("a", hold: true) }
        try await Self.until { await recorder.isHolding }
        var others: [Task<Void, Never>] = []
        // Each caller is started once the previous one waits at the gate: a known order.
        for (index, name) in ["b", "c", "d"].enumerated() {
            others.append(Task { await recorder.run(name) })
            try await Self.until { await recorder.gate.waitingCount == index + 1 }
        }
        #expect(await recorder.log == ["a in"])
        await recorder.letGo()
        await first.value
        for task in others { await task.value }
        #expect(await recorder.log == ["a in", "a out", "b in", "b out", "c in", "c out", "d in", "d out"])
        #expect(await recorder.gate.isFree)
    }
}
