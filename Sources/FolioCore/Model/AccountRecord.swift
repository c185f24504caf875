/// An account's state: its balance and the nonce its next transaction must carry.
public struct AccountRecord: Hashable, Sendable {
    /// Spendable balance.
    public var balance: Amount
    /// The nonce the account's next transaction must carry (the count applied so far).
    public var nonce: UInt64

    /// Creates an account record.
    public init(balance: Amount, nonce: UInt64) {
        self.balance = balance
        self.nonce = nonce
    }
}

extension AccountRecord: CanonicalCodable {
    /// `balance` (UInt64 LE), `nonce` (UInt64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(balance)
        writer.write(nonce)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        balance = try reader.read()
        nonce = try reader.readUInt64()
    }
}

/// Where and when a record entered the chain.
public struct ChainPosition: Hashable, Sendable {
    /// Height of the block that included the transaction.
    public var height: UInt64
    /// That block's timestamp, unix seconds.
    public var timestamp: Int64

    /// Creates a position.
    public init(height: UInt64, timestamp: Int64) {
        self.height = height
        self.timestamp = timestamp
    }
}

extension ChainPosition: CanonicalCodable {
    /// `height` (UInt64 LE), `timestamp` (Int64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(height)
        writer.write(timestamp)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        height = try reader.readUInt64()
        timestamp = try reader.readInt64()
    }
}
