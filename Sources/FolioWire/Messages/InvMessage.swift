import FolioCore

/// Announces items the sender has (newest knowledge, not a promise to keep them).
///
/// Payload: a list of inventory items (at most `WireLimits.inventoryItems`).
package struct InvMessage: WireMessage {
    package static let messageType = MessageType.inv
    /// The items.
    package var items: [InventoryItem]

    /// Creates the message.
    package init(items: [InventoryItem]) { self.items = items }

    package func encode(to writer: inout CanonicalWriter) { writer.writeList(items) }

    package init(from reader: inout CanonicalReader) throws(CodecError) { items = try reader.readInventory() }
}
