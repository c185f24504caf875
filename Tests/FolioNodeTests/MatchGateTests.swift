import Foundation
import Synchronization
import Testing
@testable import FolioNode

/// `/match` fingerprints one file at a time: a second request while one runs is refused, not
/// queued, and the gate opens again when the first is done.
@Suite(.timeLimit(.minutes(1))) struct MatchGateTests {
    @Test func aSecondRunWhileOneIsInProgressIsRefusedAndTheGateReopens() async throws {
        let gate = MatchGate()
        let release = Atomic<Bool>(false)
        let first = Task {
            await gate.run { () -> Int in
                while !release.load(ordering: .acquiring) { usleep(1_000) }
                return 1
            }
        }
        while !gate.isBusy { try await Task.sleep(for: .milliseconds(1)) }
        #expect(await gate.run { 2 } == nil)
        release.store(true, ordering: .releasing)
        #expect(await first.value == 1)
        #expect(await gate.run { 3 } == 3)
    }
}
