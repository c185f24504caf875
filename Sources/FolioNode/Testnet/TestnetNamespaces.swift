#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Real network namespaces for a testnet, when the tool runs as root (`up --netns`): node i
/// lives in namespace `folio-<tag>-i` with address 10.213.S.(i+1), joined to the host by a veth
/// pair on a bridge that holds 10.213.S.254, so the tool reaches every node's RPC from the host.
/// Partitions and loss are nftables rules in each node's namespace (`numgen random` drops); the
/// kernel here has no `netem`, so delay stays with the user-space proxy.
public struct TestnetNamespaces: Codable, Sendable, Equatable {
    /// Four hex digits from the testnet directory, in every name, so two testnets never collide.
    public var tag: String
    /// The third octet of the testnet's 10.213.S.0/24.
    public var subnet: Int
    /// Nodes set up.
    public var nodeCount: Int

    /// The layout for `nodeCount` nodes of the testnet in `directory`.
    public init(directory: String, nodeCount: Int) {
        let digest = directory.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        tag = String(format: "%04x", digest & 0xFFFF)
        subnet = Int(digest >> 16 & 0xFF)
        self.nodeCount = nodeCount
    }

    /// Nodes a /24 can hold beside the bridge address.
    public static let maxNodes = 250

    /// Node `index`'s namespace.
    public func namespace(_ index: Int) -> String { "folio-\(tag)-\(index)" }
    /// Node `index`'s address.
    public func address(_ index: Int) -> String { "10.213.\(subnet).\(index + 1)" }
    /// The host's address on the bridge.
    public var hostAddress: String { "10.213.\(subnet).254" }
    /// The bridge (interface names stay within Linux's 15 characters).
    var bridge: String { "fb\(tag)" }
    func hostEnd(_ index: Int) -> String { "fv\(tag)h\(index)" }
    func nodeEnd(_ index: Int) -> String { "fv\(tag)n\(index)" }

    /// Why namespaces cannot be used here, or nil: root, `ip` and `nft` are needed, and the
    /// kernel must let this process create a namespace.
    public static func unavailable() -> String? {
        guard geteuid() == 0 else { return "--netns needs root (network namespaces and nftables)" }
        guard let ip = tool("ip") else { return "--netns needs `ip` (Debian: iproute2)" }
        guard tool("nft") != nil else { return "--netns needs `nft` (Debian: apt-get install nftables)" }
        let probe = "folio-probe-\(getpid())"
        guard (try? run(ip, ["netns", "add", probe])) != nil else { return "this kernel or container does not allow `ip netns add`" }
        defer { _ = try? run(ip, ["netns", "del", probe]) }
        // The very rules a partition with loss writes, so their syntax is checked here too.
        let rules = TestnetNamespaces(directory: "/probe", nodeCount: 2).rules(for: 0, blocked: [1], lossPercent: 1) ?? ""
        guard (try? run(ip, ["netns", "exec", probe, "nft", "-f", "-"], input: rules)) != nil else {
            return "nftables does not work in a namespace here (no nf_tables in this kernel?)"
        }
        return nil
    }

    /// Creates the bridge, and each node's namespace, veth pair and address.
    func create() throws(TestnetError) {
        let ip = try Self.required("ip")
        try Self.run(ip, ["link", "add", bridge, "type", "bridge"])
        try Self.run(ip, ["addr", "add", hostAddress + "/24", "dev", bridge])
        try Self.run(ip, ["link", "set", bridge, "up"])
        for index in 0..<nodeCount {
            let space = namespace(index)
            try Self.run(ip, ["netns", "add", space])
            try Self.run(ip, ["link", "add", hostEnd(index), "type", "veth", "peer", "name", nodeEnd(index)])
            try Self.run(ip, ["link", "set", nodeEnd(index), "netns", space])
            try Self.run(ip, ["link", "set", hostEnd(index), "master", bridge])
            try Self.run(ip, ["link", "set", hostEnd(index), "up"])
            try Self.run(ip, ["-n", space, "addr", "add", address(index) + "/24", "dev", nodeEnd(index)])
            try Self.run(ip, ["-n", space, "link", "set", nodeEnd(index), "up"])
            try Self.run(ip, ["-n", space, "link", "set", "lo", "up"])
        }
    }

    /// Removes every namespace (its veth end goes with it) and the bridge; what is already
    /// gone is skipped.
    func destroy() {
        guard let ip = Self.tool("ip") else { return }
        for index in 0..<nodeCount { _ = try? Self.run(ip, ["netns", "del", namespace(index)]) }
        _ = try? Self.run(ip, ["link", "del", bridge])
    }

    /// Whether node `index`'s namespace exists.
    public func exists(_ index: Int) -> Bool {
        FileManager.default.fileExists(atPath: "/run/netns/" + namespace(index))
    }

    /// The nftables table for node `index`: drop packets to and from the nodes in `blocked`,
    /// and `lossPercent` of the packets from other nodes (never the host's RPC traffic).
    func rules(for index: Int, blocked: [Int], lossPercent: Int) -> String? {
        guard !blocked.isEmpty || lossPercent > 0 else { return nil }
        let set = blocked.map(address).joined(separator: ", ")
        var input = ["type filter hook input priority 0; policy accept;"]
        var output = ["type filter hook output priority 0; policy accept;"]
        if !blocked.isEmpty {
            input.append("ip saddr { \(set) } drop")
            output.append("ip daddr { \(set) } drop")
        }
        if lossPercent > 0 {
            input.append("ip saddr 10.213.\(subnet).0/24 ip saddr != \(hostAddress) numgen random mod 100 < \(lossPercent) drop")
        }
        return "table inet folio {\n  chain input {\n    " + input.joined(separator: "\n    ")
            + "\n  }\n  chain output {\n    " + output.joined(separator: "\n    ") + "\n  }\n}\n"
    }

    /// Replaces node `index`'s rules with `rules` (nil removes them).
    func apply(_ rules: String?, to index: Int) throws(TestnetError) {
        let ip = try Self.required("ip")
        _ = try? Self.run(ip, ["netns", "exec", namespace(index), "nft", "delete", "table", "inet", "folio"])
        guard let rules else { return }
        try Self.run(ip, ["netns", "exec", namespace(index), "nft", "-f", "-"], input: rules)
    }

    /// The foliod command line run inside node `index`'s namespace.
    func wrap(_ foliod: String, arguments: [String], index: Int) throws(TestnetError) -> (String, [String]) {
        (try Self.required("ip"), ["netns", "exec", namespace(index), foliod] + arguments)
    }

    /// `name` on the usual system paths.
    static func tool(_ name: String) -> String? {
        ["/usr/sbin/", "/sbin/", "/usr/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func required(_ name: String) throws(TestnetError) -> String {
        guard let path = tool(name) else { throw .setup("`\(name)` not found; --netns needs iproute2 and nftables") }
        return path
    }

    /// Runs `tool arguments` to completion; throws with its standard error if it fails.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], input: String? = nil) throws(TestnetError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        do { try process.run() } catch { throw .setup("cannot run \(tool): \(error)") }
        if let input {
            feed.fileHandleForWriting.write(Data(input.utf8))
            try? feed.fileHandleForWriting.close()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .setup("`\(([tool] + arguments).joined(separator: " "))` failed: \(why)")
        }
        return String(decoding: out, as: UTF8.self)
    }
}
