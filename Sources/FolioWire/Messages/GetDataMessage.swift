import FolioCore

/// Asks for the bodies of items; the answer is one `block` or `tx` per item, or `notfound`.
///
/// Payload: a list of inventory items (at most `WireLimits.inventoryItems`).
package struct GetDataMessage: WireMessage {
    package static let messageType = MessageType.getData
    /// The items.
    package var items: [InventoryItem]

    /// Creates the message.
    package init(items: [InventoryItem]) { self.items = items }

    package func encode(to writer: inout CanonicalWriter) { writer.writeList(items) }

    package init(from reader: inout CanonicalReader) throws(CodecError) { items = try reader.readInventory() }
}
