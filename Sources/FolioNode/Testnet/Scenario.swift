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

    /// The load: rates per second across the whole network.
    public struct Load: Codable, Sendable, Equatable {
        /// Transfers per second.
        public var transfersPerSecond: Double?
        /// Work registrations per second.
        public var registrationsPerSecond: Double?
    }

    /// One perturbation.
    public struct Perturbation: Codable, Sendable, Equatable {
        /// Seconds after the load starts.
        public var at: Double
        /// `kill`, `stop`, `start`, `pause` or `resume`.
        public var action: String
        /// The node.
        public var node: Int
    }

    /// One assertion, checked after the load (and its perturbations) ends.
    public struct Assertion: Codable, Sendable, Equatable {
        /// `height` (every running node at or above `min` within `within` s), `agree` (one tip
        /// on every running node within `within` s), `registrations-final` (every sent
        /// registration is a work on every running node) or `balances` (supply adds up).
        public var kind: String
        /// For `height`.
        public var min: UInt64?
        /// Seconds to wait; default 60.
        public var within: Double?
    }

    private enum CodingKeys: String, CodingKey {
        case name, nodes, engine, duration, load, perturb, check
        case basePort = "base-port"
        case startTimeout = "start-timeout"
    }

    /// Reads a scenario file.
    public static func load(path: String) throws(TestnetError) -> Scenario {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .usage("cannot read the scenario \(path)") }
        let scenario: Scenario
        do { scenario = try TOMLDecoder().decode(Scenario.self, from: text) } catch {
            throw .usage("\(path) is not a valid scenario: \(error)")
        }
        for step in scenario.perturb ?? [] {
            guard ["kill", "stop", "start", "pause", "resume"].contains(step.action) else {
                throw .usage("\(path): unknown perturbation action \"\(step.action)\" (kill, stop, start, pause, resume)")
            }
            guard (0..<scenario.nodes).contains(step.node) else { throw .usage("\(path): perturbation names node \(step.node)") }
        }
        for check in scenario.check {
            guard ["height", "agree", "registrations-final", "balances"].contains(check.kind) else {
                throw .usage("\(path): unknown check \"\(check.kind)\" (height, agree, registrations-final, balances)")
            }
        }
        return scenario
    }
}

extension Scenario.Load {
    private enum CodingKeys: String, CodingKey {
        case transfersPerSecond = "transfers-per-second"
        case registrationsPerSecond = "registrations-per-second"
    }
}
