import FolioCore

/// What an inventory entry names.
package enum InventoryKind: UInt8, CanonicalTaggedEnum, Sendable {
    /// A transaction, named by its id.
    case transaction = 1
    /// A block, named by its id.
    case block = 2
}

/// One announced or requested item. Encoding: kind tag (1 byte), id (32): 33 bytes.
package struct InventoryItem: Hashable, Sendable, CanonicalCodable {
    /// Encoded size of every item.
    package static let byteCount = 33
    /// Transaction or block.
    package var kind: InventoryKind
    /// The item's id.
    package var id: Hash256

    /// Creates an item.
    package init(kind: InventoryKind, id: Hash256) {
        self.kind = kind
        self.id = id
    }

    package func encode(to writer: inout CanonicalWriter) {
        writer.write(kind)
        writer.write(id)
    }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        kind = try reader.read()
        id = try reader.read()
    }
}

extension CanonicalReader {
    /// Reads an inventory list, capped at `WireLimits.inventoryItems`.
    mutating func readInventory() throws(CodecError) -> [InventoryItem] {
        try readList(field: "inventory", cap: WireLimits.inventoryItems, minimumElementSize: InventoryItem.byteCount)
    }
}
