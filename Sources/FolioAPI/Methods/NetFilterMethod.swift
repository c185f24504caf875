/// `net_filter`: reads or replaces the node's peer filter, the set of peers (named by their
/// peer-to-peer listen address, `host:port`) the node will not talk to. A node drops its
/// connections to blocked peers, refuses their inbound connections and does not dial them,
/// until the filter is cleared. `folio-testnet partition` and `heal` use it.
public enum NetFilter: RPCMethod {
    /// The new filter, or nothing to only read it.
    public typealias Params = NetFilterParams
    /// The filter in force and how many connections the call dropped.
    public typealias Result = NetFilterResult
    /// `net_filter`.
    public static let name = "net_filter"
}

/// `net_filter`'s parameters.
public struct NetFilterParams: Codable, Hashable, Sendable {
    /// Peer-to-peer listen addresses (`host:port`) to block, replacing the current filter;
    /// `[]` clears it; absent (or `params` left out) only reads it.
    public var blocked: [String]?

    /// The most addresses one filter may hold.
    public static let maxBlocked = 256

    /// Parameters that set the filter to `blocked` (nil: only read it).
    public init(blocked: [String]? = nil) {
        self.blocked = blocked
    }

    /// Reads `{blocked?}`, refusing any other key so a typo does not pass for "only read".
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: AnyKey.self).allKeys
        if let unknown = keys.first(where: { $0.stringValue != CodingKeys.blocked.stringValue }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [unknown], debugDescription: "net_filter takes only \"blocked\"; remove \"\(unknown.stringValue)\""))
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        blocked = try container.decodeIfPresent([String].self, forKey: .blocked)
    }

    private enum CodingKeys: String, CodingKey { case blocked }
}

/// `net_filter`'s result.
public struct NetFilterResult: Codable, Hashable, Sendable {
    /// The blocked addresses now in force, sorted.
    public var blocked: [String]
    /// Connections (established or still in handshake) the call closed.
    public var dropped: Int

    /// Creates a result.
    public init(blocked: [String], dropped: Int) {
        self.blocked = blocked
        self.dropped = dropped
    }
}
