#if canImport(Glibc)
import Glibc
#endif
import Foundation

extension TestnetController {
    /// The `--peers` entries of node `index`: the nodes it dials, or, through the proxy, the
    /// proxy ports of its links.
    func peerAddresses(of index: Int, plan: TestnetPlan, links: [[Int]], proxied: [ProxyLink]?,
                       spaces: TestnetNamespaces? = nil) -> [String] {
        if let proxied { return proxied.filter { $0.from == index }.map { "127.0.0.1:\($0.listenPort)" } }
        return links[index].map { "\(spaces?.address($0) ?? "127.0.0.1"):\(plan.p2pPort($0))" }
    }

    /// The namespaces `plan` asks for, or nil; refused with the reason where they cannot be made.
    func namespaces(for plan: TestnetPlan) throws(TestnetError) -> TestnetNamespaces? {
        guard plan.netns else { return nil }
        if plan.viaProxy { throw .usage("--netns and --proxy do not combine: the proxy listens on 127.0.0.1 of the host") }
        guard plan.nodeCount <= TestnetNamespaces.maxNodes else {
            throw .usage("--netns gives each node an address in one /24: at most \(TestnetNamespaces.maxNodes) nodes")
        }
        if let why = TestnetNamespaces.unavailable() { throw .usage(why) }
        return TestnetNamespaces(directory: directory, nodeCount: plan.nodeCount)
    }

    /// Starts `node`'s foliod, inside its namespace with `--netns` (made again if `down` removed
    /// it, rules and all); returns the pid.
    func launch(_ node: TestnetState.Node, state: TestnetState) throws(TestnetError) -> Int32 {
        guard let spaces = state.namespaces else {
            return try TestnetProcesses.start(foliod: foliod, arguments: node.arguments, logPath: node.logPath)
        }
        guard FileManager.default.isExecutableFile(atPath: foliod) else {
            throw .setup("cannot run \(foliod); build it first (swift build) or pass --foliod")
        }
        if !spaces.exists(node.index) {
            spaces.destroy()
            try spaces.create()
            try applyNamespaceRules(state: state)
        }
        let (tool, arguments) = try spaces.wrap(foliod, arguments: node.arguments, index: node.index)
        return try TestnetProcesses.start(foliod: tool, arguments: arguments, logPath: node.logPath)
    }

    /// Starts `folio-testnet proxy-serve` for this testnet and records its pid.
    func startProxy(state: inout TestnetState) throws(TestnetError) {
        guard let tool else { throw .setup("the link proxy needs the folio-testnet executable; run through folio-testnet") }
        let logPath = state.proxyLogPath(directory: directory)
        let before = (FileManager.default.contents(atPath: logPath) ?? Data()).count
        let pid = try TestnetProcesses.start(foliod: tool, arguments: ["proxy-serve", "--dir", directory], logPath: logPath)
        state.proxyPid = pid
        // Nodes dial the proxy ports at once, so wait until every one is bound.
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let log = String(decoding: (FileManager.default.contents(atPath: logPath) ?? Data()).dropFirst(before), as: UTF8.self)
            if log.contains(LinkProxy.readyLine) { return }
            guard TestnetProcesses.isRunning(pid) else {
                throw .setup("the link proxy exited: \(log.split(separator: "\n").suffix(3).joined(separator: " / ")); see \(logPath)")
            }
            usleep(100_000)
        }
        throw .timeout("the link proxy did not bind its ports within 15 s; see \(logPath)")
    }

    /// Sets node `index`'s delay (`milliseconds`, 0 clears it) on every link touching it.
    public func delay(_ index: Int, milliseconds: Int) throws(TestnetError) {
        guard (0...60_000).contains(milliseconds) else { throw .usage("the delay must be 0-60000 ms, got \(milliseconds)") }
        try setFault(index) { faults in faults.delayMillis[index] = milliseconds == 0 ? nil : milliseconds }
    }

    /// Sets node `index`'s loss (`percent`, 0 clears it) on every link touching it.
    public func loss(_ index: Int, percent: Int) throws(TestnetError) {
        guard (0...100).contains(percent) else { throw .usage("the loss must be 0-100 percent, got \(percent)") }
        try setFault(index) { faults in faults.lossPercent[index] = percent == 0 ? nil : percent }
    }

    /// The link faults in force.
    public func linkFaults() -> LinkFaults { LinkFaults.load(directory: directory) }

    private func setFault(_ index: Int, _ change: (inout LinkFaults) -> Void) throws(TestnetError) {
        let state = try loadState()
        _ = try state.node(index)
        if state.namespaces != nil {
            var faults = LinkFaults.load(directory: directory)
            change(&faults)
            guard faults.delayMillis.isEmpty else {
                throw .usage("delay needs netem, which this kernel lacks; on --netns only loss is real (nftables); use `up --proxy` for delay")
            }
            try faults.save(directory: directory)
            try applyNamespaceRules(state: state)
            return
        }
        guard state.proxyLinks != nil else {
            throw .usage("delay and loss go through the link proxy; start the testnet with `folio-testnet up --proxy`")
        }
        guard TestnetProcesses.isRunning(state.proxyPid) else {
            throw .usage("the link proxy is not running; `folio-testnet start` a node to restart it, or `down` and `up --proxy`")
        }
        var faults = LinkFaults.load(directory: directory)
        change(&faults)
        try faults.save(directory: directory)
    }
}
