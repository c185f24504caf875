import FolioCore

/// Undo data is stored as the canonical bytes of a `StateChanges`: each table as a list of
/// (key, optional value) sorted by key, in the order the properties are declared.
extension StateChanges: CanonicalCodable {
    /// Largest number of entries read back for one table.
    static let entryCap = 1_000_000

    public func encode(to writer: inout CanonicalWriter) {
        Self.write(accounts, by: { $0 < $1 }, to: &writer)
        Self.write(works, by: { $0 < $1 }, to: &writer)
        Self.writeLinks(workLinks, to: &writer)
        Self.write(templates, by: { $0 < $1 }, to: &writer)
        Self.write(offers, by: { $0 < $1 }, to: &writer)
        Self.write(licences, by: { $0 < $1 }, to: &writer)
        let keys = metadata.keys.sorted()
        writer.writeLength(keys.count)
        for key in keys {
            writer.writeString(key)
            if let value = metadata[key] ?? nil {
                writer.write(UInt8(1))
                writer.writeBlob(value)
            } else {
                writer.write(UInt8(0))
            }
        }
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        accounts = try Self.read(&reader, field: "accounts")
        works = try Self.read(&reader, field: "works")
        let linkCount = try reader.readLength(field: "work links", cap: Self.entryCap)
        for _ in 0..<linkCount {
            let key: WorkId = try reader.read()
            if try reader.readBool() {
                let links: [SimilarWork] = try reader.readList(field: "links", cap: Self.entryCap, minimumElementSize: 34)
                workLinks.updateValue(links, forKey: key)
            } else {
                workLinks.updateValue(nil, forKey: key)
            }
        }
        templates = try Self.read(&reader, field: "templates")
        offers = try Self.read(&reader, field: "offers")
        licences = try Self.read(&reader, field: "licences")
        let metaCount = try reader.readLength(field: "metadata", cap: Self.entryCap)
        for _ in 0..<metaCount {
            let key = try reader.readString(field: "metadata key", cap: 256)
            let value: [UInt8]? = try reader.readBool() ? try reader.readBlob(field: "metadata value", cap: 1 << 20) : nil
            metadata.updateValue(value, forKey: key)
        }
    }

    private static func write<Key: CanonicalEncodable, Value: CanonicalEncodable>(
        _ table: [Key: Value?], by less: (Key, Key) -> Bool, to writer: inout CanonicalWriter
    ) {
        let keys = table.keys.sorted(by: less)
        writer.writeLength(keys.count)
        for key in keys {
            writer.write(key)
            writer.writeOptional(table[key] ?? nil)
        }
    }

    private static func writeLinks(_ table: [WorkId: [SimilarWork]?], to writer: inout CanonicalWriter) {
        let keys = table.keys.sorted()
        writer.writeLength(keys.count)
        for key in keys {
            writer.write(key)
            if let links = table[key] ?? nil {
                writer.write(true)
                writer.writeList(links)
            } else {
                writer.write(false)
            }
        }
    }

    private static func read<Key: CanonicalDecodable & Hashable, Value: CanonicalDecodable>(
        _ reader: inout CanonicalReader, field: String
    ) throws(CodecError) -> [Key: Value?] {
        let count = try reader.readLength(field: field, cap: entryCap)
        var table: [Key: Value?] = [:]
        for _ in 0..<count {
            let key: Key = try reader.read()
            let value: Value? = try reader.readOptional()
            table.updateValue(value, forKey: key)
        }
        return table
    }
}
