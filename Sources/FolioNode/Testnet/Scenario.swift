import Foundation
import TOMLKit

/// A declarative testnet scenario (TOML): the network, the load, perturbations at given
/// times, and assertions. See testnet/scenarios/ for examples and testnet/README.md.
public struct Scenario: Codable, Sendable, Equatable {
    /// The scenario's name, shown in the report.
    public var name: String
    /// Number of nodes.
    public var nodes: Int
    /// `poa` or `pow`.
    public var engine: String
    /// Seconds the load runs.
    public var duration: Double
    /// Node i listens on base+2i and base+2i+1.
    public var basePort: Int?
    /// Seconds to wait for the first agreement after start.
    public var startTimeout: Double?
    /// Transactions the load generator sends.
    public var load: Load?
    /// Faults and restarts, by time since the load started.
    public var perturb: [Perturbation]?
    /// What must hold.
    public var check: [Assertion]
    /// Nodes whose clocks run off the system clock.
    public var clockSkew: [ClockSkew]?
    /// On proof of work, the nodes that mine (default: the first two).
    public var miners: [Int]?
    /// Whether the nodes dial each other through the link proxy (needed for `delay`, `loss`).
    public var proxy: Bool?
    /// Seconds between blocks (PoA period, PoW spacing); default 1 (PoA) or 2 (PoW).
    public var blockPeriod: Int?
    /// Whether each node runs in its own network namespace (root only; `up --netns`).
    public var netns: Bool?

    /// One node's clock offset.
    public struct ClockSkew: Codable, Sendable, Equatable {
        /// The node.
        public var node: Int
        /// Seconds added to its clock (negative: behind).
        public var seconds: Int64
    }

    /// The load: rates per second across the whole network.
    public struct Load: Codable, Sendable, Equatable {
        /// Transfers per second.
        public var transfersPerSecond: Double?
        /// Work registrations per second.
        public var registrationsPerSecond: Double?
        /// Licences per second the licensing story starts (publish the per-stream royalty
        /// template once; per licence register a work, offer, accept, report twice and pay).
        public var licencesPerSecond: Double?
    }

    /// One perturbation.
    public struct Perturbation: Codable, Sendable, Equatable {
        /// Seconds after the load starts.
        public var at: Double
        /// `kill`, `stop`, `start`, `pause`, `resume` (with `node`), `delay` (with `node` and
        /// `ms`), `loss` (with `node` and `percent`), `partition` (with `groups`) or `heal`.
        public var action: String
        /// The node, for the node actions.
        public var node: Int?
        /// For `partition`: groups of node indices; each node blocks every node outside its group.
        public var groups: [[Int]]?
        /// For `delay`: milliseconds on every link of `node` (0 clears).
        public var ms: Int?
        /// For `loss`: percent on every link of `node` (0 clears).
        public var percent: Int?
    }

    /// Perturbation actions that name a node.
    static let nodeActions = ["kill", "stop", "start", "pause", "resume", "delay", "loss"]
    /// Every perturbation action.
    static let actions = nodeActions + ["partition", "heal"]
    /// Every check kind.
    static let checkKinds = [
        "height", "agree", "agree-after-heal", "registrations-final", "licences-final", "balances", "reorg-depth",
        "no-conflicting-majority", "advance-after-each", "catch-up",
    ]

    /// One assertion, checked after the load (and its perturbations) ends.
    public struct Assertion: Codable, Sendable, Equatable {
        /// `height` (every running node at or above `min` within `within` s), `agree` (one tip
        /// on every running node within `within` s), `agree-after-heal` (the same, within
        /// `within` s of the last `heal`), `registrations-final` (every sent registration is a
        /// work on every running node), `licences-final` (every accepted licence is active on
        /// every running node with the hand-computed royalties paid, and the licensing accounts'
        /// balances moved by exactly those royalties), `balances` (supply adds up), `reorg-depth` (every
        /// node's deepest reorganisation, from its `/metrics`, is logged and at most `max` if
        /// given), `no-conflicting-majority` (at each `heal`, no two diverging branches were
        /// each sealed by more than half the authorities), `advance-after-each` (after every
        /// perturbation the best height grows within `within` s, default three block periods)
        /// or `catch-up` (every node started or resumed reaches the others' height at that
        /// moment within `within` s, default 30).
        public var kind: String
        /// For `height`.
        public var min: UInt64?
        /// For `reorg-depth`: the deepest allowed.
        public var max: UInt64?
        /// Seconds to wait; default 60.
        public var within: Double?
    }

    private enum CodingKeys: String, CodingKey {
        case name, nodes, engine, duration, load, perturb, check
        case miners, proxy, netns
        case clockSkew = "clock-skew"
        case basePort = "base-port"
        case startTimeout = "start-timeout"
        case blockPeriod = "block-period"
    }

    /// Reads a scenario file.
    public static func load(path: String) throws(TestnetError) -> Scenario {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .usage("cannot read the scenario \(path)") }
        let scenario: Scenario
        do { scenario = try TOMLDecoder().decode(Scenario.self, from: text) } catch {
            throw .usage("\(path) is not a valid scenario: \(error)")
        }
        for step in scenario.perturb ?? [] {
            guard actions.contains(step.action) else {
                throw .usage("\(path): unknown perturbation action \"\(step.action)\" (\(actions.joined(separator: ", ")))")
            }
            if nodeActions.contains(step.action) {
                guard let node = step.node, (0..<scenario.nodes).contains(node) else {
                    throw .usage("\(path): perturbation \(step.action) at \(step.at) s needs a node from 0 to \(scenario.nodes - 1)")
                }
            }
            if ["delay", "loss"].contains(step.action), scenario.proxy != true {
                throw .usage("\(path): \(step.action) at \(step.at) s needs `proxy = true` (links through the tool's proxy)")
            }
            if step.action == "delay", step.ms == nil { throw .usage("\(path): delay at \(step.at) s needs ms") }
            if step.action == "loss", step.percent == nil { throw .usage("\(path): loss at \(step.at) s needs percent") }
            if step.action == "partition" {
                do { _ = try TestnetPartition(groups: step.groups ?? [], nodeCount: scenario.nodes) } catch {
                    throw .usage("\(path): partition at \(step.at) s: \(error)")
                }
            }
        }
        for check in scenario.check {
            guard checkKinds.contains(check.kind) else {
                throw .usage("\(path): unknown check \"\(check.kind)\" (\(checkKinds.joined(separator: ", ")))")
            }
        }
        return scenario
    }
}

extension Scenario.Load {
    enum CodingKeys: String, CodingKey {
        case transfersPerSecond = "transfers-per-second"
        case registrationsPerSecond = "registrations-per-second"
        case licencesPerSecond = "licences-per-second"
    }
}

/// TOML keeps integers and floats apart; a scenario's seconds and rates may be written either
/// way (`duration = 20` or `duration = 20.5`).
extension KeyedDecodingContainer {
    func number(_ key: Key) throws -> Double? {
        if let value = try? decodeIfPresent(Double.self, forKey: key) { return value }
        return try decodeIfPresent(Int.self, forKey: key).map(Double.init)
    }
}

extension Scenario {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        nodes = try container.decode(Int.self, forKey: .nodes)
        engine = try container.decode(String.self, forKey: .engine)
        guard let duration = try container.number(.duration) else {
            throw DecodingError.keyNotFound(CodingKeys.duration, .init(codingPath: [], debugDescription: "duration (seconds) is required"))
        }
        self.duration = duration
        basePort = try container.decodeIfPresent(Int.self, forKey: .basePort)
        startTimeout = try container.number(.startTimeout)
        load = try container.decodeIfPresent(Load.self, forKey: .load)
        perturb = try container.decodeIfPresent([Perturbation].self, forKey: .perturb)
        check = try container.decode([Assertion].self, forKey: .check)
        clockSkew = try container.decodeIfPresent([ClockSkew].self, forKey: .clockSkew)
        miners = try container.decodeIfPresent([Int].self, forKey: .miners)
        proxy = try container.decodeIfPresent(Bool.self, forKey: .proxy)
        blockPeriod = try container.decodeIfPresent(Int.self, forKey: .blockPeriod)
        netns = try container.decodeIfPresent(Bool.self, forKey: .netns)
    }
}

extension Scenario.Load {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        transfersPerSecond = try container.number(.transfersPerSecond)
        registrationsPerSecond = try container.number(.registrationsPerSecond)
        licencesPerSecond = try container.number(.licencesPerSecond)
    }
}

extension Scenario.Perturbation {
    private enum Keys: String, CodingKey { case at, action, node, groups, ms, percent }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        at = try container.number(.at) ?? 0
        action = try container.decode(String.self, forKey: .action)
        node = try container.decodeIfPresent(Int.self, forKey: .node)
        groups = try container.decodeIfPresent([[Int]].self, forKey: .groups)
        ms = try container.decodeIfPresent(Int.self, forKey: .ms)
        percent = try container.decodeIfPresent(Int.self, forKey: .percent)
    }
}

extension Scenario.Assertion {
    private enum Keys: String, CodingKey { case kind, min, max, within }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        kind = try container.decode(String.self, forKey: .kind)
        min = try container.decodeIfPresent(UInt64.self, forKey: .min)
        max = try container.decodeIfPresent(UInt64.self, forKey: .max)
        within = try container.number(.within)
    }
}
