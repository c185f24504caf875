import FolioCore

/// A full block. Payload: the block's canonical bytes (at most `Limits.blockBytes`).
package struct BlockMessage: WireMessage {
    package static let messageType = MessageType.block
    /// The block.
    package var block: Block

    /// Wraps a block.
    package init(block: Block) { self.block = block }

    package func encode(to writer: inout CanonicalWriter) { writer.write(block) }

    package init(from reader: inout CanonicalReader) throws(CodecError) { block = try reader.read() }
}
