import FolioCore

/// Names requested items the sender does not have, so the requester can ask elsewhere at once.
///
/// Payload: a list of inventory items (at most `WireLimits.inventoryItems`).
package struct NotFoundMessage: WireMessage {
    package static let messageType = MessageType.notFound
    /// The items.
    package var items: [InventoryItem]

    /// Creates the message.
    package init(items: [InventoryItem]) { self.items = items }

    package func encode(to writer: inout CanonicalWriter) { writer.writeList(items) }

    package init(from reader: inout CanonicalReader) throws(CodecError) { items = try reader.readInventory() }
}
