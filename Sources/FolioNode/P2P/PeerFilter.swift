import FolioCore
import FolioPeer
import FolioWire

/// The peers a node refuses to talk to, named by their peer-to-peer listen address. A
/// connection belongs to a blocked peer when it was dialled to a blocked address, when it came
/// in from a blocked address's IP announcing that listening port in its `version`, or when it
/// proves an identity a blocked peer proved before. Pure value: `P2PService` applies it.
struct PeerFilter: Sendable, Equatable {
    /// The blocked listen addresses.
    private(set) var addresses: Set<PeerAddress> = []
    /// The text each address was given as, for reports.
    private(set) var names: [PeerAddress: String] = [:]
    /// Identities learned from connections to blocked addresses.
    private(set) var identities: Set<PublicKey> = []

    /// Whether nothing is blocked.
    var isEmpty: Bool { addresses.isEmpty }

    /// A filter blocking `entries` (`host:port` each); throws the first entry that does not
    /// parse or resolve to an IPv4 address, or a list over `NetFilterParams.maxBlocked`.
    init(entries: [String], maxEntries: Int) throws(PeerFilterError) {
        guard entries.count <= maxEntries else { throw .tooMany(entries.count, max: maxEntries) }
        for entry in entries {
            guard let endpoint = PeerEndpoint(entry) else { throw .malformed(entry) }
            guard let address = endpoint.resolve() else { throw .unresolved(entry) }
            addresses.insert(address)
            names[address] = endpoint.description
        }
    }

    /// An empty filter.
    init() {}

    /// The blocked addresses as given, sorted.
    var blockedNames: [String] { names.values.sorted() }

    /// Whether dialling `address` is refused.
    func blocks(_ address: PeerAddress) -> Bool { addresses.contains(address) }

    /// Whether `peer` is a connection to or from a blocked peer.
    func blocks(_ peer: PeerState) -> Bool {
        if isEmpty { return false }
        if let identity = peer.session.remoteIdentity, identities.contains(identity) { return true }
        guard let remote = peer.address else { return false }
        if !peer.inbound { return addresses.contains(PeerAddress(ip: remote.ip, port: remote.port)) }
        guard let port = peer.session.remoteVersion?.listenPort else { return false }
        return addresses.contains(PeerAddress(ip: remote.ip, port: port))
    }

    /// Remembers `identity` as a blocked peer's, so its connections from any address match.
    mutating func learn(_ identity: PublicKey) {
        if !isEmpty { identities.insert(identity) }
    }
}

/// Why a peer filter was refused.
enum PeerFilterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An entry is not `host:port`.
    case malformed(String)
    /// An entry's host does not resolve to an IPv4 address.
    case unresolved(String)
    /// More entries than allowed.
    case tooMany(Int, max: Int)

    var description: String {
        switch self {
        case let .malformed(entry): return "\"blocked\" entry \"\(entry)\" is not host:port (port 1-65535)"
        case let .unresolved(entry): return "\"blocked\" entry \"\(entry)\" does not resolve to an IPv4 address"
        case let .tooMany(count, max): return "\"blocked\" holds \(count) addresses; at most \(max) are allowed"
        }
    }
}
