import FolioAPI
import Foundation

/// What R2 of BENCHMARKS.md asks after each perturbation: how long until the chain grows on
/// the nodes still answering, and, for a node started or resumed, how long until it reaches the
/// height the others had when it came back. Each step is watched in its own task from the
/// moment it is carried out, while the load and the later steps go on.
actor PerturbationWatch {
    /// One perturbation's outcome, in seconds from the moment it was carried out.
    struct Outcome: Sendable {
        /// The step as reported (`kill node 1`).
        let step: String
        /// When the best height among answering nodes first exceeded the height at the step.
        let advancedAfter: Double?
        /// For a node that came back: when it reached the others' height at the step.
        let caughtUpAfter: Double?
        /// Whether the step brought a node back (so catching up is measured).
        let rejoins: Bool
    }

    private let state: TestnetState
    private let horizon: Double
    private var watches: [Task<Outcome, Never>] = []

    /// Watches over `state`'s nodes, each step for at most `horizon` seconds.
    init(state: TestnetState, horizon: Double) {
        self.state = state
        self.horizon = horizon
    }

    /// Starts watching after `step`; `node` is the node it brought back, if any.
    func watch(_ step: String, rejoining node: Int?) async {
        let began = Date()
        let before = await heights()
        let best = before.values.max() ?? 0
        let others = before.filter { $0.key != node }.values.max() ?? best
        let state = state, horizon = horizon
        watches.append(Task {
            var advanced: Double?, caughtUp: Double?
            while Date().timeIntervalSince(began) < horizon, !Task.isCancelled {
                let now = await Self.heights(of: state)
                let elapsed = Date().timeIntervalSince(began)
                if advanced == nil, let top = now.values.max(), top > best { advanced = elapsed }
                if caughtUp == nil, let node, let height = now[node], height >= others { caughtUp = elapsed }
                if advanced != nil, node == nil || caughtUp != nil { break }
                try? await Task.sleep(for: .milliseconds(250))
            }
            return Outcome(step: step, advancedAfter: advanced, caughtUpAfter: caughtUp, rejoins: node != nil)
        })
    }

    /// Every watched step's outcome, in order (waits for watches still running).
    func outcomes() async -> [Outcome] {
        var all: [Outcome] = []
        for watch in watches { all.append(await watch.value) }
        return all
    }

    private func heights() async -> [Int: UInt64] { await Self.heights(of: state) }

    /// The validated height of every node that answers within a second (a paused or stopped
    /// node does not), by index. Every node is asked: a restarted node has a new pid, which
    /// the state read at the start does not know.
    static func heights(of state: TestnetState) async -> [Int: UInt64] {
        await withTaskGroup(of: (Int, UInt64?).self) { group in
            for node in state.nodes {
                group.addTask {
                    guard let url = URL(string: node.rpcURL) else { return (node.index, nil) }
                    let client = RPCClient(endpoint: url, credentials: .token(state.rpcToken), timeout: 1)
                    return (node.index, try? await client.call(ChainInfo.self).height)
                }
            }
            var found: [Int: UInt64] = [:]
            for await (index, height) in group { if let height { found[index] = height } }
            return found
        }
    }
}
