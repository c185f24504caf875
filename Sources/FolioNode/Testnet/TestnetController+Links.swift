#if canImport(Glibc)
import Glibc
#endif
import Foundation

extension TestnetController {
    /// The `--peers` entries of node `index`: the nodes it dials, or, through the proxy, the
    /// proxy ports of its links.
    func peerAddresses(of index: Int, plan: TestnetPlan, links: [[Int]], proxied: [ProxyLink]?) -> [String] {
        if let proxied { return proxied.filter { $0.from == index }.map { "127.0.0.1:\($0.listenPort)" } }
        return links[index].map { "127.0.0.1:\(plan.p2pPort($0))" }
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
