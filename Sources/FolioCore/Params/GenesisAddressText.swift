import FolioCrypto

/// How the genesis file writes addresses: the one place to change if the text form changes.
/// Reading accepts the network's bech32m text or 40 hex digits; writing uses bech32m.
enum GenesisAddressText {
    /// The address `text` names on `network`, or `badAddress` at `path`.
    static func parse(_ text: String, network: NetworkKind, path: String) throws(GenesisError) -> Address {
        if text.utf8.count == Address.byteCount * 2, let bytes = HexCoding.decode(text), let address = Address(bytes: bytes) {
            return address
        }
        do { return try Address(bech32m: text, network: network) } catch {
            throw .badAddress(path: path, reason: error.description)
        }
    }

    /// The text the genesis file uses for `address` on `network`.
    static func format(_ address: Address, network: NetworkKind) -> String { address.bech32m(on: network) }
}
