import FolioCore

/// A full block. Payload: the block's canonical bytes (at most `Limits.blockBytes`).
package struct BlockMessage: WireMessage {
    package static let messageType = MessageType.block
    /// Bytes reserved for the header and the transaction count when the payload is written.
    static let reservedHeaderBytes = 512
    /// Bytes reserved per transaction: a transfer takes about 145, so a block of transfers is
    /// written without growing its array, and a block of larger transactions grows it once or
    /// twice rather than about eleven times from the writer's default 128 bytes.
    static let reservedBytesPerTransaction = 160

    /// The block.
    package var block: Block

    /// Wraps a block.
    package init(block: Block) { self.block = block }

    package func encode(to writer: inout CanonicalWriter) { writer.write(block) }

    package init(from reader: inout CanonicalReader) throws(CodecError) { block = try reader.read() }

    /// The canonical bytes (the same as `canonicalBytes`), written into storage reserved for the
    /// whole block up front: growing a 145 KB block's array by doubling copied its bytes about
    /// twice over on every send.
    package var payloadBytes: [UInt8] {
        let estimate = Self.reservedHeaderBytes + block.transactions.count * Self.reservedBytesPerTransaction
        var writer = CanonicalWriter(capacity: min(estimate, Self.reservedHeaderBytes + Limits.blockBytes))
        encode(to: &writer)
        return writer.finish()
    }
}
