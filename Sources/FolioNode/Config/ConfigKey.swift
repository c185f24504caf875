/// One configuration setting: its name in `foliod.toml`, its flag (`--name`), its environment
/// variable (`FOLIO_NAME`, dashes as underscores), its default and a sentence for people.
struct ConfigKey: Hashable, Sendable {
    /// The kind of value, checked when the setting is read.
    enum Kind: Hashable, Sendable {
        case text
        case port
        case integer(ClosedRange<Int>)
        case boolean
        case choice([String])
    }

    /// The name, for example `rpc-port`.
    let name: String
    /// The value used when no flag, environment variable or file sets it.
    let defaultValue: String
    /// What the setting does; written as a comment in `foliod.toml` and shown by `--help`.
    let summary: String
    /// How the value is checked.
    let kind: Kind
    /// Whether `foliod.toml` may set it (`datadir` cannot: the file lives inside it).
    let allowedInFile: Bool

    /// `FOLIO_RPC_PORT` for `rpc-port`.
    var environmentName: String { "FOLIO_" + name.uppercased().replacingOccurrences(of: "-", with: "_") }
    /// `--rpc-port` for `rpc-port`.
    var flag: String { "--" + name }
}

extension ConfigKey {
    static let dataDirectory = ConfigKey(
        name: "datadir", defaultValue: "", summary: "Data directory (default ~/.folio/<network>).",
        kind: .text, allowedInFile: false)
    static let network = ConfigKey(
        name: "network", defaultValue: "dev",
        summary: "Network: dev (single-node dev chain), test, or the path of a genesis.json file.",
        kind: .text, allowedInFile: true)
    static let rpcHost = ConfigKey(
        name: "rpc-host", defaultValue: "127.0.0.1",
        summary: "Address the HTTP server (JSON-RPC, /metrics, explorer) listens on.", kind: .text, allowedInFile: true)
    static let rpcPort = ConfigKey(
        name: "rpc-port", defaultValue: "9332", summary: "HTTP port; 0 picks a free port and logs it.",
        kind: .port, allowedInFile: true)
    static let p2pPort = ConfigKey(
        name: "p2p-port", defaultValue: "9333", summary: "Peer-to-peer TCP port.", kind: .port, allowedInFile: true)
    static let p2pHost = ConfigKey(
        name: "p2p-host", defaultValue: "127.0.0.1",
        summary: "Address the peer-to-peer listener binds; 0.0.0.0 accepts peers from other machines.",
        kind: .text, allowedInFile: true)
    static let peers = ConfigKey(
        name: "peers", defaultValue: "",
        summary: "Peers to dial at start and keep connected: comma-separated host:port list.",
        kind: .text, allowedInFile: true)
    static let maxPeers = ConfigKey(
        name: "max-peers", defaultValue: "16", summary: "Most inbound peer connections (outbound-peers sets the outbound ones).",
        kind: .integer(1...1024), allowedInFile: true)
    static let outboundPeers = ConfigKey(
        name: "outbound-peers", defaultValue: "8",
        summary: "Outbound connections to hold: the peers setting first, then addresses peers taught this node (0 dials only peers).",
        kind: .integer(0...64), allowedInFile: true)
    static let authorityKey = ConfigKey(
        name: "authority-key", defaultValue: "",
        summary: "File holding the hex Ed25519 seed this node seals proof-of-authority blocks with; empty seals nothing (dev: the dev authority).",
        kind: .text, allowedInFile: true)
    static let mine = ConfigKey(
        name: "mine", defaultValue: "0",
        summary: "Proof-of-work mining threads; 0 mines nothing.", kind: .integer(0...256), allowedInFile: true)
    static let minePayee = ConfigKey(
        name: "mine-payee", defaultValue: "",
        summary: "Address (bech32m) the blocks this node mines pay their reward and fees to; needed with mine.",
        kind: .text, allowedInFile: true)
    static let clockOffset = ConfigKey(
        name: "clock-offset", defaultValue: "0",
        summary: "Seconds added to this node's clock (testing clock skew; leave 0 on real networks).",
        kind: .integer(-3600...3600), allowedInFile: true)
    static let rpcToken = ConfigKey(
        name: "rpc-token", defaultValue: "",
        summary: "Fixed RPC token (Bearer, or Basic with any user); empty writes a fresh .cookie at each start.",
        kind: .text, allowedInFile: true)
    static let rpcAuth = ConfigKey(
        name: "rpc-auth", defaultValue: "true",
        summary: "Require authentication on /rpc; false is allowed only on a loopback rpc-host.",
        kind: .boolean, allowedInFile: true)
    static let rpcMaxBodyBytes = ConfigKey(
        name: "rpc-max-body-bytes", defaultValue: "1048576", summary: "Largest JSON-RPC request body, in bytes.",
        kind: .integer(1024...67_108_864), allowedInFile: true)
    static let logLevel = ConfigKey(
        name: "log-level", defaultValue: "info", summary: "Least severe log level written.",
        kind: .choice(["trace", "debug", "info", "notice", "warning", "error", "critical"]), allowedInFile: true)
    static let logFormat = ConfigKey(
        name: "log-format", defaultValue: "text", summary: "Log line format: text or json (one object per line).",
        kind: .choice(["text", "json"]), allowedInFile: true)

    /// Every setting, in the order `foliod.toml` and `config show` list them.
    static let all: [ConfigKey] = [
        dataDirectory, network, rpcHost, rpcPort, p2pHost, p2pPort, peers, maxPeers, outboundPeers, authorityKey, mine, minePayee, clockOffset,
        rpcToken, rpcAuth, rpcMaxBodyBytes, logLevel, logFormat,
    ]

    /// The setting called `name`, if any.
    static func named(_ name: String) -> ConfigKey? { all.first { $0.name == name } }
}
