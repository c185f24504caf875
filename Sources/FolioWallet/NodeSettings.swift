import FolioAPI
import Foundation

/// Where the node is and how to prove we may call it, from the command line and environment.
///
/// Credentials, first match wins: `--rpc-token`, `--rpc-cookie FILE`, `--datadir D` (its
/// `.cookie`), `FOLIO_RPC_TOKEN`, `FOLIO_DATADIR`, then the dev node's `~/.folio/dev`.
/// Flags beat the environment so a one-off command can point elsewhere without unsetting it.
public struct NodeSettings: Sendable, Equatable {
    /// `--rpc`: the endpoint or the node's base URL.
    public var rpc: String?
    /// `--rpc-token`.
    public var token: String?
    /// `--rpc-cookie`: a cookie file path.
    public var cookieFile: String?
    /// `--datadir`: the node's data directory, whose `.cookie` is read.
    public var dataDirectory: String?
    /// The process environment (`FOLIO_RPC`, `FOLIO_RPC_TOKEN`, `FOLIO_DATADIR`, `HOME`).
    public var environment: [String: String]

    /// The endpoint used when neither `--rpc` nor `FOLIO_RPC` is given.
    public static let defaultEndpoint = "http://127.0.0.1:\(RPCDefaults.rpcPort)\(RPCDefaults.rpcPath)"

    /// Settings from the given flags and environment.
    public init(rpc: String?, token: String?, cookieFile: String?, dataDirectory: String?, environment: [String: String]) {
        self.rpc = rpc
        self.token = token
        self.cookieFile = cookieFile
        self.dataDirectory = dataDirectory
        self.environment = environment
    }

    /// The JSON-RPC endpoint. A bare base URL (`http://host:port` or `…/`) gets `/rpc`
    /// appended, because the issue and `docs/rpc.md` both name the node by its base URL.
    public func endpoint() throws(WalletError) -> URL {
        let text = rpc ?? nonEmpty(environment["FOLIO_RPC"]) ?? Self.defaultEndpoint
        guard var components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", components.host?.isEmpty == false else {
            throw .usage("--rpc must be an http:// or https:// URL such as \(Self.defaultEndpoint), not \"\(text)\".")
        }
        if components.path.isEmpty || components.path == "/" { components.path = RPCDefaults.rpcPath }
        guard let url = components.url else {
            throw .usage("--rpc must be an http:// or https:// URL such as \(Self.defaultEndpoint), not \"\(text)\".")
        }
        return url
    }

    /// The data directory whose cookie is used when no token or cookie file is named.
    public var effectiveDataDirectory: String {
        if let dataDirectory { return dataDirectory }
        if let fromEnvironment = nonEmpty(environment["FOLIO_DATADIR"]) { return fromEnvironment }
        return (environment["HOME"] ?? ".") + "/.folio/dev"
    }

    /// The credentials to send.
    public func credentials() throws(WalletError) -> RPCCredentials {
        if let token { return .token(token) }
        if let cookieFile { return try Self.cookie(path: cookieFile) }
        if dataDirectory == nil, let token = nonEmpty(environment["FOLIO_RPC_TOKEN"]) { return .token(token) }
        let directory = effectiveDataDirectory
        return try Self.cookie(path: URL(fileURLWithPath: directory).appendingPathComponent(RPCDefaults.cookieFileName).path)
    }

    /// A client for the endpoint with the credentials.
    public func client() throws(WalletError) -> RPCClient {
        RPCClient(endpoint: try endpoint(), credentials: try credentials())
    }

    /// Reads a cookie file. A missing cookie almost always means the node is not running
    /// (foliod removes it at exit), so it is reported as an unreachable node, exit 3.
    static func cookie(path: String) throws(WalletError) -> RPCCredentials {
        let advice = """
            foliod writes the cookie when it starts and removes it at exit: start foliod, or pass \
            --datadir DIR (or set FOLIO_DATADIR) for the node's data directory, or --rpc-token TOKEN.
            """
        guard let data = FileManager.default.contents(atPath: path), data.count <= 4096 else {
            throw .nodeUnreachable("cannot read the node's cookie file \(path). " + advice)
        }
        let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex, line.index(after: colon) != line.endIndex else {
            throw .nodeUnreachable("the cookie file \(path) does not hold user:secret; restart foliod to rewrite it.")
        }
        return .basic(user: String(line[..<colon]), password: String(line[line.index(after: colon)...]))
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
