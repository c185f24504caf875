/// Why the node could not start; each says what to do.
public enum NodeStartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The chosen network's genesis could not be loaded.
    case genesis(String)
    /// `--network test` asked for a network this build does not ship.
    case unknownNetwork(String)
    /// The HTTP server could not start.
    case server(String)
    /// A key file (node identity or authority) is unreadable or malformed.
    case keyFile(String)
    /// The chain database could not be opened (corrupt, another network's, newer format).
    case store(String)
    /// The configuration asks for something the chain cannot do (named in the text).
    case role(String)

    public var description: String {
        switch self {
        case let .genesis(detail): return "cannot load the chain's genesis: \(detail)"
        case let .unknownNetwork(name):
            return "network \"\(name)\" is not built in (\"dev\" and \"test\" are); pass --network <path to genesis.json>"
        case let .server(detail): return "the HTTP server could not start: \(detail); check rpc-host and rpc-port"
        case let .keyFile(detail): return detail
        case let .store(detail): return "cannot open the chain database: \(detail)"
        case let .role(detail): return detail
        }
    }
}
