import FolioCore

/// A signed transaction. Payload: its canonical bytes.
package struct TxMessage: WireMessage {
    package static let messageType = MessageType.tx
    /// The transaction.
    package var transaction: Transaction

    /// Wraps a transaction.
    package init(transaction: Transaction) { self.transaction = transaction }

    package func encode(to writer: inout CanonicalWriter) { writer.write(transaction) }

    package init(from reader: inout CanonicalReader) throws(CodecError) { transaction = try reader.read() }
}
