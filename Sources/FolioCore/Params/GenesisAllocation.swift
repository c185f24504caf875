/// An account funded at genesis.
public struct GenesisAllocation: Hashable, Sendable {
    /// The account.
    public var address: Address
    /// Its opening balance.
    public var amount: Amount

    /// Creates an allocation.
    public init(address: Address, amount: Amount) {
        self.address = address
        self.amount = amount
    }
}

extension GenesisAllocation: CanonicalCodable {
    /// `address` (20), `amount` (UInt64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(address)
        writer.write(amount)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        address = try reader.read()
        amount = try reader.read()
    }
}
