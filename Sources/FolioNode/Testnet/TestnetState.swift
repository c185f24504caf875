import Foundation

/// What `up` records in `<dir>/testnet.json` so later commands find the nodes.
public struct TestnetState: Codable, Sendable, Equatable {
    /// One node's record.
    public struct Node: Codable, Sendable, Equatable {
        /// Index from 0.
        public var index: Int
        /// `authority`, `miner` or `follower`.
        public var role: String
        /// RPC (and explorer) port.
        public var rpcPort: Int
        /// Peer-to-peer port.
        public var p2pPort: Int
        /// The node's data directory.
        public var dataDirectory: String
        /// The process id of the running foliod, if started.
        public var pid: Int32?
        /// The foliod arguments `start` runs it with.
        public var arguments: [String]
        /// The address it listens on; nil for 127.0.0.1 (with `--netns`, its namespace's).
        public var host: String?

        /// The address the tool reaches it at.
        public var address: String { host ?? "127.0.0.1" }
        /// The JSON-RPC endpoint.
        public var rpcURL: String { "http://\(address):\(rpcPort)/rpc" }
        /// The explorer.
        public var explorerURL: String { "http://\(address):\(rpcPort)/" }
        /// The node's log file.
        public var logPath: String { dataDirectory + "/foliod.log" }
    }

    /// The engine name.
    public var engine: String
    /// The RPC token every node accepts (the testnet's nodes share it).
    public var rpcToken: String
    /// The nodes.
    public var nodes: [Node]
    /// The partition in force (`folio-testnet partition`), if any; `heal` and `down` clear it.
    public var partition: TestnetPartition?
    /// With `up --proxy`: every peer link, dialled through the tool's proxy.
    public var proxyLinks: [ProxyLink]?
    /// The process id of the `folio-testnet proxy-serve` carrying them.
    public var proxyPid: Int32?
    /// With `up --netns`: the namespaces the nodes run in.
    public var namespaces: TestnetNamespaces?

    /// The proxy's log file.
    func proxyLogPath(directory: String) -> String { directory + "/proxy.log" }

    static let fileName = "testnet.json"

    /// Reads the state in `directory`.
    static func load(directory: String) throws(TestnetError) -> TestnetState {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else { throw .notSetUp(directory) }
        do { return try JSONDecoder().decode(TestnetState.self, from: data) } catch {
            throw .setup("\(path) is not a testnet state file (\(error)); run `folio-testnet clean` and `up` again")
        }
    }

    /// Writes the state to `directory` atomically.
    func save(directory: String) throws(TestnetError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: directory + "/" + Self.fileName), options: .atomic)
        } catch {
            throw .setup("cannot write \(directory)/\(Self.fileName): \(error)")
        }
    }

    /// The node at `index`, or a usage error naming the valid range.
    public func node(_ index: Int) throws(TestnetError) -> Node {
        guard nodes.indices.contains(index) else {
            throw .usage("no node \(index); this testnet has nodes 0…\(nodes.count - 1)")
        }
        return nodes[index]
    }
}
