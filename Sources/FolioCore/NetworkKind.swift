/// Which kind of network a text form belongs to. Only the human-readable prefix of an
/// address depends on it, so a test-network address can never be pasted into a main-network
/// wallet by mistake: the prefix check fails before any bytes are trusted.
public enum NetworkKind: String, Sendable, Hashable, CaseIterable {
    /// The main network, where value is real.
    case main
    /// Any test network: the public testnet and local `folio-testnet` networks.
    case test

    /// The bech32m human-readable part of an address on this network.
    public var addressPrefix: String {
        switch self {
        case .main: return "folio"
        case .test: return "tfolio"
        }
    }

    /// The network whose address prefix is `prefix` (lower case), or `nil` if none uses it.
    public init?(addressPrefix prefix: String) {
        guard let kind = NetworkKind.allCases.first(where: { $0.addressPrefix == prefix }) else { return nil }
        self = kind
    }
}
