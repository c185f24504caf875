import FolioAPI
import Foundation

/// B9/B10 of BENCHMARKS.md through a running testnet: how long each block takes, from the moment
/// the first node connected it (its sealer), until 95% of the nodes had heard of it and had
/// validated it, and until all had; against the lower bound of B9 (every node's validation on
/// the machine's cores, plus the graph's diameter in round trips). Timestamps come from each
/// node's `net_blocktimes`; the nodes share this machine's clock.
public struct PropagationBench: Sendable {
    /// One block's figures, milliseconds after its origin.
    public struct Block: Sendable, Equatable {
        /// Its height.
        public var height: UInt64
        /// When 95% of the nodes had heard of it.
        public var heard95: Double
        /// When 95% of the nodes had validated it.
        public var validated95: Double
        /// When every node had validated it.
        public var validatedAll: Double
        /// B9's lower bound for it: nodes × mean validation time ÷ cores + diameter × RTT.
        public var bound: Double
        /// Its canonical size in bytes (0: not read).
        public var sizeBytes = 0
        /// Transactions it carries.
        public var transactions = 0
    }

    /// The result of a run.
    public struct Report: Sendable {
        /// Per block, oldest first.
        public var blocks: [Block]
        /// Nodes measured.
        public var nodes: Int
        /// Hops between the farthest two nodes of the peer graph.
        public var diameter: Int
        /// Loopback TCP round trip measured in the same run, milliseconds.
        public var rttMillis: Double
        /// Cores the bound divides validation work by.
        public var cores: Int
        /// B11 per node: block payload bytes it received over the canonical bytes of the
        /// blocks it connected meanwhile (nil: the node did not report its bytes).
        public var bodyRatios: [Double?] = []

        /// The largest B11 ratio among the nodes that reported (target ≤ 1.05).
        public var bodyRatioMax: Double? { bodyRatios.compactMap { $0 }.max() }
        /// The median B11 ratio among the nodes that reported.
        public var bodyRatioMedian: Double? {
            let known = bodyRatios.compactMap { $0 }
            return known.isEmpty ? nil : PropagationBench.percentile(known, 0.5)
        }

        /// The 95th percentile (nearest rank) of `key` over the blocks.
        public func p95(_ key: KeyPath<Block, Double>) -> Double { PropagationBench.percentile(blocks.map { $0[keyPath: key] }, 0.95) }
        /// The largest `key` over the blocks.
        public func max(_ key: KeyPath<Block, Double>) -> Double { blocks.map { $0[keyPath: key] }.max() ?? 0 }
        /// The 95th percentile of validated95 ÷ bound, block by block (B9's target: ≤ 2).
        public var boundRatioP95: Double {
            PropagationBench.percentile(blocks.map { $0.bound > 0 ? $0.validated95 / $0.bound : .infinity }, 0.95)
        }
    }

    /// The nearest-rank percentile: the smallest value with at least `fraction` of the values at
    /// or below it (infinity when empty).
    public static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return .infinity }
        let sorted = values.sorted()
        let rank = Swift.max(Int((fraction * Double(sorted.count)).rounded(.up)), 1)
        return sorted[Swift.min(rank, sorted.count) - 1]
    }

    /// Figures for one block from each node's times (nil: the node has no record of it).
    static func block(height: UInt64, times: [BlockTimeEntry?], diameter: Int, rttMillis: Double, cores: Int) -> Block? {
        let seen = times.compactMap { $0 }
        guard let origin = seen.map(\.validatedMs).min() else { return nil }
        func at(_ value: (BlockTimeEntry) -> Int64, _ fraction: Double) -> Double {
            percentile(times.map { $0.map { Double(value($0) - origin) } ?? .infinity }, fraction)
        }
        let validators = seen.filter { $0.validationMicros > 0 }
        let meanMillis = validators.isEmpty ? 0 : Double(validators.map(\.validationMicros).reduce(0, +)) / Double(validators.count) / 1000
        let bound = Double(times.count) * meanMillis / Double(Swift.max(cores, 1)) + Double(diameter) * rttMillis
        return Block(height: height, heard95: at({ $0.heardMs }, 0.95), validated95: at({ $0.validatedMs }, 0.95),
                     validatedAll: at({ $0.validatedMs }, 1), bound: bound)
    }

    /// B11 for one node: `receivedBytes` of block messages over the canonical sizes of the
    /// blocks at heights `from + 1 ... to` (`sizes` by height) but those in `sealed` (heights
    /// the node sealed itself, whose bodies it never receives); nil without blocks or sizes.
    static func bodyRatio(receivedBytes: Int64, from: UInt64, to: UInt64, sizes: [UInt64: Int],
                          sealed: Set<UInt64> = []) -> Double? {
        guard to > from else { return nil }
        var total = 0
        for height in (from + 1)...to where !sealed.contains(height) {
            guard let size = sizes[height] else { return nil }
            total += size
        }
        return total > 0 ? Double(receivedBytes) / Double(total) : nil
    }

    /// Hops between the farthest two nodes of the graph given by each node's neighbours
    /// (a disconnected graph counts its node count).
    static func diameter(_ neighbours: [Set<Int>]) -> Int {
        var widest = 0
        for start in neighbours.indices {
            var distance = [start: 0]
            var queue = [start]
            while !queue.isEmpty {
                let node = queue.removeFirst()
                for next in neighbours[node] where distance[next] == nil {
                    distance[next] = distance[node, default: 0] + 1
                    queue.append(next)
                }
            }
            widest = Swift.max(widest, distance.count < neighbours.count ? neighbours.count : distance.values.max() ?? 0)
        }
        return widest
    }
}
