import Foundation

/// The node's effective configuration: every setting with its value and where it came from.
public struct NodeConfig: Sendable {
    /// Where a value came from, highest precedence first.
    public enum Source: String, Sendable {
        case flag, environment, file, `default`
    }

    /// Raw values and their sources, by setting name.
    let entries: [String: (value: String, source: Source)]

    /// The data directory.
    public let dataDirectory: String
    /// `dev`, `test` or a genesis file path.
    public let network: String
    /// The HTTP listen address.
    public let rpcHost: String
    /// The HTTP port (0: any free port).
    public let rpcPort: Int
    /// The peer-to-peer port.
    public let p2pPort: Int
    /// The configured token, or `nil` for cookie authentication.
    public let rpcToken: String?
    /// Address the peer-to-peer listener binds.
    public let p2pHost: String
    /// Peers to dial and keep connected, as `host:port`.
    public let peers: [String]
    /// Most inbound peer connections.
    public let maxPeers: Int
    /// Outbound connections to hold, filled from the address book beyond `peers`.
    public let outboundPeers: Int
    /// Path of the authority seed file, if this node seals proof-of-authority blocks.
    public let authorityKeyPath: String?
    /// Proof-of-work mining threads (0: none).
    public let mineThreads: Int
    /// The address mined blocks pay (bech32m, as given); nil when not set.
    public let minePayee: String?
    /// Seconds added to this node's clock (for clock-skew tests).
    public let clockOffsetSeconds: Int64
    /// Whether `/rpc` requires authentication.
    public let rpcAuth: Bool
    /// The request body cap, in bytes.
    public let rpcMaxBodyBytes: Int
    /// The least severe log level written.
    public let logLevel: String
    /// `text` or `json`.
    public let logFormat: String

    /// Resolves the settings from the command-line flags, the environment and the data
    /// directory's `foliod.toml` (flag > environment > file > default). The data directory
    /// itself comes from a flag, the environment or its default, never from the file.
    public static func resolve(
        arguments: [String], environment: [String: String], homeDirectory: String
    ) throws(ConfigError) -> NodeConfig {
        let flags = try ConfigSources.flags(arguments)
        let env = try ConfigSources.environment(environment)
        let network = flags[ConfigKey.network.name] ?? env[ConfigKey.network.name] ?? ConfigKey.network.defaultValue
        let dataDirectory = flags[ConfigKey.dataDirectory.name] ?? env[ConfigKey.dataDirectory.name]
            ?? defaultDataDirectory(network: network, home: homeDirectory)
        let file = try ConfigFile.read(at: filePath(dataDirectory: dataDirectory))
        var entries: [String: (String, Source)] = [:]
        for key in ConfigKey.all {
            if let value = flags[key.name] {
                entries[key.name] = (value, .flag)
            } else if let value = env[key.name] {
                entries[key.name] = (value, .environment)
            } else if let value = file[key.name] {
                entries[key.name] = (value, .file)
            } else {
                entries[key.name] = (key.defaultValue, .default)
            }
        }
        entries[ConfigKey.dataDirectory.name] = (dataDirectory, entries[ConfigKey.dataDirectory.name]?.1 ?? .default)
        return try NodeConfig(entries: entries)
    }

    /// `<dataDirectory>/foliod.toml`.
    public static func filePath(dataDirectory: String) -> String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent(ConfigFile.fileName).path
    }

    /// `~/.folio/dev` for the dev chain, `~/.folio/test`, or `~/.folio/<file name>` for a genesis file.
    static func defaultDataDirectory(network: String, home: String) -> String {
        let leaf = network.hasSuffix(".json")
            ? URL(fileURLWithPath: network).deletingPathExtension().lastPathComponent : network
        return URL(fileURLWithPath: home).appendingPathComponent(".folio").appendingPathComponent(leaf).path
    }

    init(entries: [String: (value: String, source: Source)]) throws(ConfigError) {
        for key in ConfigKey.all {
            guard let value = entries[key.name]?.value else { continue }
            try NodeConfig.check(value, for: key)
        }
        func value(_ key: ConfigKey) -> String { entries[key.name]?.value ?? key.defaultValue }
        self.entries = entries
        dataDirectory = value(.dataDirectory)
        network = value(.network)
        rpcHost = value(.rpcHost)
        rpcPort = Int(value(.rpcPort)) ?? 0
        p2pPort = Int(value(.p2pPort)) ?? 0
        p2pHost = value(.p2pHost)
        peers = value(.peers).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        maxPeers = Int(value(.maxPeers)) ?? 16
        outboundPeers = Int(value(.outboundPeers)) ?? 8
        let authority = value(.authorityKey)
        authorityKeyPath = authority.isEmpty ? nil : authority
        mineThreads = Int(value(.mine)) ?? 0
        let payee = value(.minePayee).trimmingCharacters(in: .whitespaces)
        minePayee = payee.isEmpty ? nil : payee
        clockOffsetSeconds = Int64(value(.clockOffset)) ?? 0
        let token = value(.rpcToken)
        rpcToken = token.isEmpty ? nil : token
        rpcAuth = value(.rpcAuth) == "true"
        rpcMaxBodyBytes = Int(value(.rpcMaxBodyBytes)) ?? 0
        logLevel = value(.logLevel)
        logFormat = value(.logFormat)
        if !rpcAuth, !LoopbackHost.isLoopback(rpcHost) {
            throw .conflict(
                "rpc-auth is false but rpc-host \(rpcHost) is not a loopback address; "
                    + "turn rpc-auth on, or listen on 127.0.0.1")
        }
        if network.isEmpty || dataDirectory.isEmpty {
            throw .invalidValue(key: network.isEmpty ? "network" : "datadir", value: "", expected: "non-empty")
        }
    }

    private static func check(_ value: String, for key: ConfigKey) throws(ConfigError) {
        switch key.kind {
        case .text:
            return
        case .port:
            guard let port = Int(value), (0...65_535).contains(port) else {
                throw .invalidValue(key: key.name, value: value, expected: "a port number from 0 to 65535")
            }
        case let .integer(range):
            guard let number = Int(value), range.contains(number) else {
                throw .invalidValue(key: key.name, value: value, expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
            }
        case .boolean:
            guard value == "true" || value == "false" else {
                throw .invalidValue(key: key.name, value: value, expected: "true or false")
            }
        case let .choice(choices):
            guard choices.contains(value) else {
                throw .invalidValue(key: key.name, value: value, expected: "one of " + choices.joined(separator: ", "))
            }
        }
    }

    /// The effective configuration as TOML lines, each with its source; the token is masked.
    public func rendered() -> String {
        ConfigKey.all.map { key in
            let entry = entries[key.name] ?? (key.defaultValue, .default)
            let shown = key == .rpcToken && !entry.value.isEmpty ? "<set>" : entry.value
            let literal: String
            switch key.kind {
            case .port, .integer, .boolean: literal = shown
            case .text, .choice: literal = "\"\(shown)\""
            }
            return "\(key.name) = \(literal)  # \(entry.source.rawValue)"
        }.joined(separator: "\n")
    }
}

/// Which listen addresses only this machine can reach.
enum LoopbackHost {
    /// `localhost`, `::1` and any 127.x.y.z address.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

extension NodeConfig {
    /// One line per setting for `--help`: flag, environment variable, default and meaning.
    public static var settingsHelp: String {
        ConfigKey.all.map { key in
            let fallback = key.defaultValue.isEmpty ? "" : " (default \(key.defaultValue))"
            return "  \(key.flag), \(key.environmentName)\(fallback)\n      \(key.summary)"
        }.joined(separator: "\n")
    }
}
