import FolioAPI
import FolioCore
import Testing
@testable import FolioNode

/// The arithmetic of `folio-testnet propagation` (B9/B10) on hand-made times, the block-time
/// recorder behind `net_blocktimes`, and the degree option of the peer graph.
@Suite struct PropagationBenchTests {
    @Test func percentilesAreNearestRank() {
        let values = (1...20).map(Double.init)
        // 95% of 20 values: the 19th smallest; the median of 20: the 10th.
        #expect(PropagationBench.percentile(values, 0.95) == 19)
        #expect(PropagationBench.percentile(values, 0.5) == 10)
        #expect(PropagationBench.percentile(values, 1) == 20)
        #expect(PropagationBench.percentile([7], 0.95) == 7)
        #expect(PropagationBench.percentile([], 0.95) == .infinity)
    }

    private func entry(heard: Int64, validated: Int64, micros: Int64) -> BlockTimeEntry {
        BlockTimeEntry(id: "b", height: 5, heardMs: heard, validatedMs: validated, validationMicros: micros)
    }

    /// Four nodes: the sealer connects at t=1000; the others hear at +3/+5/+9 and validate at
    /// +10/+14/+30 ms. 95% of four nodes is all four, so both figures are the slowest node's;
    /// the bound is 4 × mean(2, 4, 6 ms) ÷ 2 cores + diameter 2 × 0.5 ms = 8 + 1 = 9 ms.
    @Test func oneBlockIsMeasuredFromItsSealersConnect() throws {
        let times: [BlockTimeEntry?] = [
            entry(heard: 1_000, validated: 1_000, micros: 0), entry(heard: 1_003, validated: 1_010, micros: 2_000),
            entry(heard: 1_005, validated: 1_014, micros: 4_000), entry(heard: 1_009, validated: 1_030, micros: 6_000),
        ]
        let block = try #require(PropagationBench.block(height: 5, times: times, diameter: 2, rttMillis: 0.5, cores: 2))
        #expect(block.heard95 == 9)
        #expect(block.validated95 == 30)
        #expect(block.validatedAll == 30)
        #expect(block.bound == 9)
    }

    /// B11: blocks 11-13 of 1,000, 2,000 and 1,000 bytes; a node that received 4,160 bytes of
    /// block messages over them (the bodies plus 160 bytes more) is at 4,160 / 4,000 = 1.04.
    /// A missing size or an empty span gives no figure.
    @Test func bodyBytesAreMeasuredAgainstTheBlocksConnectedMeanwhile() {
        let sizes: [UInt64: Int] = [11: 1_000, 12: 2_000, 13: 1_000]
        #expect(PropagationBench.bodyRatio(receivedBytes: 4_160, from: 10, to: 13, sizes: sizes) == 1.04)
        #expect(PropagationBench.bodyRatio(receivedBytes: 1_000, from: 12, to: 13, sizes: sizes) == 1.0)
        #expect(PropagationBench.bodyRatio(receivedBytes: 500, from: 13, to: 14, sizes: sizes) == nil)
        #expect(PropagationBench.bodyRatio(receivedBytes: 500, from: 13, to: 13, sizes: sizes) == nil)
        // A node that sealed block 12 received only blocks 11 and 13: 2,100 / 2,000 = 1.05.
        #expect(PropagationBench.bodyRatio(receivedBytes: 2_100, from: 10, to: 13, sizes: sizes, sealed: [12]) == 1.05)
        var report = PropagationBench.Report(blocks: [], nodes: 3, diameter: 1, rttMillis: 0, cores: 2)
        report.bodyRatios = [0.95, nil, 1.02]
        #expect(report.bodyRatioMax == 1.02)
        #expect(report.bodyRatioMedian == 0.95)
    }

    /// A node with no record of the block never had it: 95% of 20 nodes can still be reached
    /// without it, "all" cannot.
    @Test func aNodeThatNeverHadTheBlockCountsAsNever() throws {
        var times: [BlockTimeEntry?] = (0..<19).map { entry(heard: 100 + Int64($0), validated: 100 + 2 * Int64($0), micros: 1_000) }
        times.append(nil)
        let block = try #require(PropagationBench.block(height: 5, times: times, diameter: 3, rttMillis: 0, cores: 2))
        #expect(block.validated95 == 36)
        #expect(block.validatedAll == .infinity)
        #expect(PropagationBench.block(height: 5, times: [nil, nil], diameter: 1, rttMillis: 0, cores: 2) == nil)
    }

    @Test func diameterIsTheLongestShortestPath() {
        // A path 0-1-2-3 has diameter 3; closing it into a ring makes it 2.
        let path: [Set<Int>] = [[1], [0, 2], [1, 3], [2]]
        #expect(PropagationBench.diameter(path) == 3)
        let ring: [Set<Int>] = [[1, 3], [0, 2], [1, 3], [2, 0]]
        #expect(PropagationBench.diameter(ring) == 2)
        // Two islands never reach each other: counted as the node count.
        #expect(PropagationBench.diameter([[1], [0], [3], [2]]) == 4)
    }

    @Test func aDegreeGivesEveryNodeAtLeastThatManyNeighbours() throws {
        var plan = try TestnetPlan(nodeCount: 20, engine: .poa)
        plan.degree = 8
        let neighbours = plan.neighbours()
        #expect(neighbours.allSatisfy { $0.count >= 8 })
        #expect(neighbours.enumerated().allSatisfy { !$0.element.contains($0.offset) })
        #expect(PropagationBench.diameter(neighbours) <= 3)
        #expect(try TestnetPlan(nodeCount: 20, engine: .poa).neighbours().contains { $0.count < 8 })
    }

    @Test func theRecorderKeepsTheFirstHearingAndTheValidation() {
        let now = Clock()
        let timings = BlockTimings { now.value }
        let id = SHA256.hash([1])
        now.value = 500
        timings.heard(id)
        now.value = 520
        timings.heard(id)
        #expect(timings.entries(limit: 10).isEmpty)
        now.value = 540
        timings.validated(id, height: 9, micros: 1_234)
        now.value = 600
        timings.validated(id, height: 9, micros: 9)
        #expect(timings.entries(limit: 10) == [BlockTimeEntry(id: id.description, height: 9, heardMs: 500, validatedMs: 540, validationMicros: 1_234)])
    }

    @Test func theRecorderForgetsTheOldestPastItsCapacity() {
        let timings = BlockTimings { 1 }
        for index in 0..<(BlockTimings.capacity + 5) {
            timings.validated(SHA256.hash(Array("b\(index)".utf8)), height: UInt64(index), micros: 1)
        }
        let kept = timings.entries(limit: NetBlockTimesParams.maxLimit)
        #expect(kept.count == BlockTimings.capacity)
        #expect(kept.first?.height == 5)
        #expect(timings.entries(limit: 3).map(\.height) == [UInt64(BlockTimings.capacity + 2), UInt64(BlockTimings.capacity + 3), UInt64(BlockTimings.capacity + 4)])
    }

    /// A settable clock for the recorder.
    final class Clock: @unchecked Sendable {
        var value: Int64 = 0
    }
}
