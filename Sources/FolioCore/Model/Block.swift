import FolioCrypto

/// A block: a header and the transactions its merkle root commits to.
public struct Block: Hashable, Sendable {
    /// The header.
    public var header: BlockHeader
    /// The transactions, in the order the merkle root covers them.
    public var transactions: [Transaction]

    /// Creates a block.
    public init(header: BlockHeader, transactions: [Transaction]) {
        self.header = header
        self.transactions = transactions
    }

    /// The block id: the header's id.
    public var id: Hash256 { header.id }
}

extension Block: CanonicalCodable {
    /// `header`, then `transactions` (a list of at most `Limits.transactionsPerBlock`).
    /// A block whose bytes exceed `Limits.blockBytes` is rejected.
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(header)
        writer.writeList(transactions)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let start = reader.position
        header = try reader.read()
        transactions = try reader.readList(
            field: "transactions", cap: Limits.transactionsPerBlock,
            minimumElementSize: Transaction.minimumEncodedSize)
        let size = reader.position - start
        guard size <= Limits.blockBytes else {
            throw .lengthOverCap(field: "block bytes", length: UInt64(size), cap: Limits.blockBytes)
        }
    }
}
