/// Moves `amount` from the sender's account to `to`.
public struct Transfer: Hashable, Sendable {
    /// The receiving account.
    public var to: Address
    /// How much to move.
    public var amount: Amount

    /// Creates a transfer.
    public init(to: Address, amount: Amount) {
        self.to = to
        self.amount = amount
    }
}

extension Transfer: CanonicalCodable {
    /// `to` (20), `amount` (UInt64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(to)
        writer.write(amount)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        to = try reader.read()
        amount = try reader.read()
    }
}
