import FolioCrypto

/// An account address: the first 20 bytes of SHA-256 over the account's Ed25519 public key.
///
/// Its text form is bech32m (BIP-350) with the network's prefix (`folio` on the main network,
/// `tfolio` on test networks); see `Address+Bech32m.swift`.
public struct Address: Hashable, Sendable, Comparable {
    /// Number of bytes in an address.
    public static let byteCount = 20

    /// The 20 bytes in order, then 12 zero bytes: inline, so an address costs no allocation.
    @usableFromInline let storage: InlineBytes32

    /// Wraps exactly 20 bytes; `nil` for any other length.
    @inlinable
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == Address.byteCount,
              let storage = InlineBytes32(zeroPadding: bytes) else { return nil }
        self.storage = storage
    }

    private init(storage: InlineBytes32) { self.storage = storage }

    /// The 20 address bytes (a new array each time: prefer `withUnsafeBytes` on hot paths).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with the 20 address bytes, without copying them to the heap.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0.prefix(Address.byteCount))) }
    }

    /// Twenty zero bytes: no key's address that anyone can find. A proof-of-work block
    /// naming it as payee pays no one (the genesis block does).
    public static let zero = Address(storage: InlineBytes32())

    /// The address that belongs to `publicKey`.
    public init(publicKey: PublicKey) {
        let digest = publicKey.withUnsafeBytes { SHA256.hash($0) }
        // A digest's first 20 bytes always fit; the zero fallback is unreachable.
        storage = digest.withUnsafeBytes { InlineBytes32(zeroPadding: $0.prefix(Address.byteCount)) } ?? InlineBytes32()
    }

    /// Byte-wise order, the order of the addresses' encodings.
    public static func < (lhs: Address, rhs: Address) -> Bool {
        lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in left.lexicographicallyPrecedes(right) } }
    }
}

extension Address: CanonicalCodable {
    /// 20 raw bytes, no length.
    public func encode(to writer: inout CanonicalWriter) { withUnsafeBytes { writer.writeRaw($0) } }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let address = try reader.withRawBytes(count: Address.byteCount) { raw in
            InlineBytes32(raw: raw).map { Address(storage: $0) }
        }
        guard let address else { throw .invalidValue(type: "Address", reason: "not \(Address.byteCount) bytes") }
        self = address
    }
}
