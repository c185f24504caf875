import FolioCore

/// Reading and writing addresses on the command line.
public enum AddressText {
    /// Reads a bech32m address (`tfolio1…`, `folio1…`) for `network`, or 40 hex digits.
    public static func parse(_ text: String, network: NetworkKind) throws(WalletError) -> Address {
        if text.count == Address.byteCount * 2, let bytes = HexCoding.decode(text), let address = Address(bytes: bytes) {
            return address
        }
        do {
            return try Address(bech32m: text, network: network)
        } catch {
            throw .usage("\"\(text)\" is not a \(network.rawValue)-network address (\(error)). Give a \(network.addressPrefix)1… address or 40 hex digits.")
        }
    }

    /// The bech32m text of `address` on `network`.
    public static func format(_ address: Address, network: NetworkKind) -> String {
        address.bech32m(on: network)
    }
}
