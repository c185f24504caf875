import FolioCrypto

/// A signed transaction: the common envelope around one `TransactionPayload`.
///
/// Canonical layout: `chainId` (UInt32 LE), `sender` (32), `nonce` (UInt64 LE), `fee` (UInt64
/// LE), `payload` (varint kind tag, then the kind's fields), `signature` (64). The id is
/// SHA-256 of all of it; the sender signs `signingBytes`, which are the same bytes without the
/// trailing signature.
public struct Transaction: Hashable, Sendable {
    /// Smallest possible encoding (a payload of zero bytes after its tag), used to bound a
    /// claimed transaction count by the bytes left before anything is allocated.
    public static let minimumEncodedSize = 4 + 32 + 8 + 8 + 1 + 64

    /// The signing key; the paying account is `Address(publicKey: sender)`.
    public var sender: PublicKey
    /// The sender account's next nonce, so each signed transaction applies once.
    public var nonce: UInt64
    /// The fee paid to the block producer.
    public var fee: Amount
    /// What the transaction does.
    public var payload: TransactionPayload
    /// Ed25519 signature by `sender` over `signingBytes`.
    public var signature: Signature
    /// The chain this transaction is valid on, so a signature cannot be replayed elsewhere.
    ///
    /// Declared last (the encoding puts it first): a 4-byte field ahead of the 32-byte key left a
    /// padding hole that the optimiser copied with the key as one misaligned block, stalling
    /// every decode on store-to-load forwarding.
    public var chainId: UInt32

    /// Creates a transaction from its fields.
    public init(
        chainId: UInt32, sender: PublicKey, nonce: UInt64, fee: Amount, payload: TransactionPayload,
        signature: Signature
    ) {
        self.chainId = chainId
        self.sender = sender
        self.nonce = nonce
        self.fee = fee
        self.payload = payload
        self.signature = signature
    }

    /// The account that pays the fee and acts.
    public var senderAddress: Address { Address(publicKey: sender) }

    /// The bytes the sender signs: the canonical bytes without the signature.
    public var signingBytes: [UInt8] {
        var writer = CanonicalWriter(capacity: 256)
        encodeUnsigned(to: &writer)
        return writer.finish()
    }

    private func encodeUnsigned(to writer: inout CanonicalWriter) {
        writer.write(chainId)
        writer.write(sender)
        writer.write(nonce)
        writer.write(fee)
        writer.write(payload)
    }
}

extension Transaction: CanonicalCodable {
    public func encode(to writer: inout CanonicalWriter) {
        encodeUnsigned(to: &writer)
        writer.write(signature)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        // Fields are read into locals and assigned once at the end: assigning them one by one
        // to a half-built `self` made the optimiser copy the whole transaction on return.
        let chainId = try reader.readUInt32()
        let sender: PublicKey = try reader.read()
        let nonce = try reader.readUInt64()
        let fee: Amount = try reader.read()
        let payload: TransactionPayload = try reader.read()
        let signature: Signature = try reader.read()
        self.init(chainId: chainId, sender: sender, nonce: nonce, fee: fee, payload: payload, signature: signature)
    }
}

/// A transaction's id is SHA-256 of its canonical bytes, signature included.
extension Transaction: CanonicallyIdentified {}
