/// The text form of an address: bech32m with the network's prefix and the 20 address bytes as
/// 32 five-bit groups (no witness version), for example `folio1…` (44 characters) on the main
/// network and `tfolio1…` (45) on test networks.
extension Address {
    /// Five-bit groups in an address's data part: 160 bits, so no padding.
    static let groupCount = (byteCount * 8 + 4) / 5

    /// This address written for `network`, in lower case.
    public func bech32m(on network: NetworkKind) -> String {
        Bech32m.encodeChecked(prefix: Array(network.addressPrefix.utf8), data: Bech32m.groups(fromBytes: bytes))
    }

    /// Reads an address written for `network`. Accepts all lower or all upper case; throws if
    /// the checksum fails, the prefix belongs to another network, or the data is not 20 bytes.
    public init(bech32m text: String, network: NetworkKind) throws(Bech32mError) {
        let decoded = try Bech32m.decode(text)
        guard decoded.humanReadablePart == network.addressPrefix else {
            throw .wrongPrefix(expected: network.addressPrefix, found: decoded.humanReadablePart)
        }
        self = try Address(groups: decoded.data)
    }

    /// Reads an address written for any Folio network and says which one.
    public static func parse(bech32m text: String) throws(Bech32mError) -> (address: Address, network: NetworkKind) {
        let decoded = try Bech32m.decode(text)
        guard let network = NetworkKind(addressPrefix: decoded.humanReadablePart) else {
            throw .unknownPrefix(decoded.humanReadablePart)
        }
        return (try Address(groups: decoded.data), network)
    }

    private init(groups: [UInt8]) throws(Bech32mError) {
        guard groups.count == Address.groupCount else {
            throw .wrongDataLength(expected: Address.groupCount, actual: groups.count)
        }
        guard let address = Address(bytes: try Bech32m.bytes(fromGroups: groups)) else {
            throw .wrongDataLength(expected: Address.groupCount, actual: groups.count)
        }
        self = address
    }
}
