#if canImport(Glibc)
import Glibc
#endif
import FolioAPI
import FolioCore
import FolioCrypto
import Foundation

/// The testnet commands: set up and start N real `foliod` processes, report on them, signal
/// them, and take them down. Everything a command needs is in `<dir>/testnet.json`.
public struct TestnetController: Sendable {
    /// The testnet's directory.
    public let directory: String
    /// The `foliod` executable.
    public let foliod: String
    /// Lines for the operator.
    let say: @Sendable (String) -> Void
    /// The `folio-testnet` executable, which `up --proxy` starts again as the link proxy.
    public var tool: String?

    /// A controller for the testnet in `directory`, starting nodes with `foliod`.
    public init(directory: String, foliod: String, say: @escaping @Sendable (String) -> Void) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        self.foliod = foliod
        self.say = say
    }

    /// Writes the genesis, keys and node directories, starts every node, and waits until all
    /// share a tip above genesis (or `timeout` passes).
    public func up(plan: TestnetPlan, timeout: Double = 120) async throws(TestnetError) -> [NodeStatus] {
        if let existing = try? TestnetState.load(directory: directory),
           existing.nodes.contains(where: { TestnetProcesses.isRunning($0.pid) }) {
            throw .usage("a testnet is already running in \(directory); run `folio-testnet down` (or `clean`) first")
        }
        let files = FileManager.default
        do { try files.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw .setup("cannot create \(directory): \(error)")
        }
        let params = try plan.genesis(timestamp: Int64(Date().timeIntervalSince1970))
        let genesisPath = directory + "/genesis.json"
        guard files.createFile(atPath: genesisPath, contents: Data(params.genesisJSON())) else {
            throw .setup("cannot write \(genesisPath)")
        }
        _ = try? DevKeystore.write(dataDirectory: directory)
        var random = SystemRandom()
        let token = (try? random.bytes(count: 16)).map(HexCoding.encode) ?? "folio-testnet"
        let links = plan.peerLinks()
        let proxied = plan.viaProxy ? plan.proxyLinks() : nil
        let spaces = try namespaces(for: plan)
        let producers = plan.producers()
        var nodes: [TestnetState.Node] = []
        for index in 0..<plan.nodeCount {
            let dataDirectory = directory + "/node-\(index)"
            do { try files.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true) } catch {
                throw .setup("cannot create \(dataDirectory): \(error)")
            }
            var arguments = [
                "--datadir", dataDirectory, "--network", genesisPath, "--rpc-port", "\(plan.rpcPort(index))",
                "--p2p-port", "\(plan.p2pPort(index))", "--rpc-token", token,
                "--peers", peerAddresses(of: index, plan: plan, links: links, proxied: proxied, spaces: spaces).joined(separator: ","),
                // The plan's links are the topology (proxies, partitions and the B9 graph rely
                // on it), so nodes dial only them, never addresses peers teach.
                "--outbound-peers", "0",
            ]
            if let spaces { arguments += ["--rpc-host", spaces.address(index), "--p2p-host", spaces.address(index)] }
            if let offset = plan.clockOffsets[index], offset != 0 { arguments += ["--clock-offset", "\(offset)"] }
            var role = "follower"
            if producers.contains(index) {
                switch plan.engine {
                case .poa:
                    let keyPath = dataDirectory + "/authority.key"
                    let key: PrivateKey
                    do { key = try TestnetPlan.authorityKey(index) } catch { throw .setup("authority key \(index): \(error)") }
                    let seed = key.withUnsafeSeedBytes { HexCoding.encode($0) }
                    guard files.createFile(atPath: keyPath, contents: Data((seed + "\n").utf8), attributes: [.posixPermissions: 0o600])
                    else { throw .setup("cannot write \(keyPath)") }
                    arguments += ["--authority-key", keyPath]
                    role = "authority"
                case .pow:
                    arguments += ["--mine", "1", "--mine-payee", try TestnetPlan.minerPayee(index).bech32m(on: .test)]
                    role = "miner"
                }
            }
            nodes.append(TestnetState.Node(
                index: index, role: role, rpcPort: plan.rpcPort(index), p2pPort: plan.p2pPort(index),
                dataDirectory: dataDirectory, pid: nil, arguments: arguments, host: spaces?.address(index)))
        }
        var state = TestnetState(engine: plan.engine.rawValue, rpcToken: token, nodes: nodes)
        state.proxyLinks = proxied
        state.namespaces = spaces
        if let spaces {
            // Whatever an earlier run left under the same names goes first.
            spaces.destroy()
            do { try spaces.create() } catch {
                spaces.destroy()
                throw error
            }
            say("namespaces folio-\(spaces.tag)-0…\(plan.nodeCount - 1) on 10.213.\(spaces.subnet).0/24, host \(spaces.hostAddress)")
        }
        try state.save(directory: directory)
        try LinkFaults().save(directory: directory)
        if proxied != nil {
            try startProxy(state: &state)
            try state.save(directory: directory)
        }
        for index in state.nodes.indices { state.nodes[index].pid = try launch(state.nodes[index], state: state) }
        try state.save(directory: directory)
        say("started \(plan.nodeCount) \(plan.engine.rawValue) nodes in \(directory); waiting for them to agree…")
        return try await waitForAgreement(state: state, timeout: timeout)
    }

    /// Polls until the running nodes agree (`TestnetAgreement`: the same block two below the
    /// lowest tip, none more than three ahead).
    public func waitForAgreement(state given: TestnetState? = nil, timeout: Double) async throws(TestnetError) -> [NodeStatus] {
        let state: TestnetState
        if let given { state = given } else { state = try loadState() }
        let deadline = Date().addingTimeInterval(timeout)
        var lastReport = Date()
        while true {
            let statuses = await status(state: state)
            let running = statuses.filter(\.running)
            if await TestnetAgreement.holds(TestnetAgreement.clients(state)) { return statuses }
            if Date() >= deadline {
                throw .timeout("the nodes did not agree within \(Int(timeout)) s: "
                    + running.map { "node \($0.index) at \($0.height.map(String.init) ?? "?")" }.joined(separator: ", ")
                    + "; see `folio-testnet logs I`")
            }
            if Date().timeIntervalSince(lastReport) >= 5 {
                say("  heights: " + statuses.map { "\($0.index):\($0.height.map(String.init) ?? "-")" }.joined(separator: " "))
                lastReport = Date()
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
    }

    /// The recorded state of this testnet.
    public func loadState() throws(TestnetError) -> TestnetState { try TestnetState.load(directory: directory) }

    /// Every node's status, asked over RPC (a node that does not answer shows no height).
    public func status(state: TestnetState? = nil) async -> [NodeStatus] {
        guard let state = state ?? (try? TestnetState.load(directory: directory)) else { return [] }
        return await withTaskGroup(of: NodeStatus.self) { group in
            for node in state.nodes {
                group.addTask {
                    var status = await NodeStatus.ask(node, token: state.rpcToken)
                    status.group = state.partition?.group(of: node.index)
                    return status
                }
            }
            var all: [NodeStatus] = []
            for await status in group { all.append(status) }
            return all.sorted { $0.index < $1.index }
        }
    }

    /// Signals node `index`: `stop` (SIGTERM, waits for exit), `kill` (SIGKILL), `pause`
    /// (SIGSTOP) or `resume` (SIGCONT).
    public func signal(_ index: Int, _ action: SignalAction) async throws(TestnetError) {
        let state = try TestnetState.load(directory: directory)
        let node = try state.node(index)
        guard TestnetProcesses.isRunning(node.pid) else { throw .usage("node \(index) is not running; `folio-testnet start \(index)`") }
        switch action {
        case .stop:
            TestnetProcesses.signal(node.pid, SIGCONT)
            TestnetProcesses.signal(node.pid, SIGTERM)
            guard await TestnetProcesses.waitForExit(node.pid, seconds: 15) else {
                throw .timeout("node \(index) did not stop within 15 s; `folio-testnet kill \(index)`")
            }
        case .kill:
            TestnetProcesses.signal(node.pid, SIGKILL)
            _ = await TestnetProcesses.waitForExit(node.pid, seconds: 5)
        case .pause: TestnetProcesses.signal(node.pid, SIGSTOP)
        case .resume: TestnetProcesses.signal(node.pid, SIGCONT)
        }
    }

    /// Starts node `index` again with its recorded arguments; under a partition, sets its
    /// peer filter as soon as its RPC answers (it may dial across the partition until then).
    public func start(_ index: Int) async throws(TestnetError) {
        var state = try TestnetState.load(directory: directory)
        let node = try state.node(index)
        guard !TestnetProcesses.isRunning(node.pid) else { throw .usage("node \(index) is already running") }
        if state.proxyLinks != nil, !TestnetProcesses.isRunning(state.proxyPid) { try startProxy(state: &state) }
        state.nodes[index].pid = try launch(node, state: state)
        try state.save(directory: directory)
        if state.partition != nil, let why = await applyFilter(node: index, state: state, timeout: 30) {
            throw .setup("node \(index) started, but \(why); `folio-testnet heal` or `partition` again")
        }
    }

    /// Stops every node (SIGCONT first, so paused nodes can stop), keeping their data. Peer
    /// filters live in the nodes' memory, so stopping them undoes a partition; the record of
    /// it is cleared too.
    public func down() async throws(TestnetError) {
        var state = try TestnetState.load(directory: directory)
        if state.partition != nil {
            state.partition = nil
            try state.save(directory: directory)
        }
        if !LinkFaults.load(directory: directory).isEmpty { try LinkFaults().save(directory: directory) }
        if TestnetProcesses.isRunning(state.proxyPid) {
            TestnetProcesses.signal(state.proxyPid, SIGTERM)
            _ = await TestnetProcesses.waitForExit(state.proxyPid, seconds: 5)
        }
        for node in state.nodes where TestnetProcesses.isRunning(node.pid) {
            TestnetProcesses.signal(node.pid, SIGCONT)
            TestnetProcesses.signal(node.pid, SIGTERM)
        }
        for node in state.nodes where !(await TestnetProcesses.waitForExit(node.pid, seconds: 15)) {
            TestnetProcesses.signal(node.pid, SIGKILL)
            say("node \(node.index) did not stop in 15 s and was killed")
        }
        // Namespaces hold the nodes' addresses and rules: they go with the nodes, and `start`
        // or `up` makes them again.
        if let spaces = state.namespaces {
            spaces.destroy()
            say("removed namespaces folio-\(spaces.tag)-*")
        }
    }

    /// Stops every node and removes the directory.
    public func clean() async throws(TestnetError) {
        if (try? TestnetState.load(directory: directory)) != nil { try await down() }
        guard FileManager.default.fileExists(atPath: directory) else { return }
        do { try FileManager.default.removeItem(atPath: directory) } catch { throw .setup("cannot remove \(directory): \(error)") }
    }
}

/// A signal a testnet command sends to one node.
public enum SignalAction: String, Sendable {
    case stop, kill, pause, resume
}
