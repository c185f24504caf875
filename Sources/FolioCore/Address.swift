import FolioCrypto

/// An account address: the first 20 bytes of SHA-256 over the account's Ed25519 public key.
///
/// Its text form is bech32m (BIP-350) with the network's prefix (`folio` on the main network,
/// `tfolio` on test networks); see `Address+Bech32m.swift`.
public struct Address: Hashable, Sendable, Comparable {
    /// Number of bytes in an address.
    public static let byteCount = 20

    /// The 20 address bytes.
    public let bytes: [UInt8]

    /// Wraps exactly 20 bytes; `nil` for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Address.byteCount else { return nil }
        self.bytes = bytes
    }

    /// Twenty zero bytes: no key's address that anyone can find. A proof-of-work block
    /// naming it as payee pays no one (the genesis block does).
    public static let zero = Address(unchecked: [UInt8](repeating: 0, count: byteCount))

    private init(unchecked bytes: [UInt8]) { self.bytes = bytes }

    /// The address that belongs to `publicKey`.
    public init(publicKey: PublicKey) {
        bytes = Array(SHA256.hash(publicKey.bytes).bytes.prefix(Address.byteCount))
    }

    public static func < (lhs: Address, rhs: Address) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}

extension Address: CanonicalCodable {
    /// 20 raw bytes, no length.
    public func encode(to writer: inout CanonicalWriter) { writer.writeRaw(bytes) }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let raw = try reader.readRaw(count: Address.byteCount)
        guard let address = Address(bytes: raw) else {
            throw .invalidValue(type: "Address", reason: "not \(Address.byteCount) bytes")
        }
        self = address
    }
}
