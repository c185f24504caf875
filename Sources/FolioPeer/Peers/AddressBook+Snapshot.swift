import FolioCore
import FolioWire

/// The address book as bytes, for the node to keep in its data directory between runs: the
/// bucket secret, the anchors and every entry. Turning bytes into a book is here (pure); the
/// file itself is the node's business.
///
/// Layout, canonical encoding: `"FOLIOADB"` (8 raw bytes), format version (UInt32, 1), secret
/// (blob, 16 to 64 bytes), anchors (list of `PeerAddress`, at most 64), entries (list of
/// `PeerAddress`, at most 65,536), then the SHA-256 of everything before it (32 raw bytes), so
/// a flipped bit anywhere is caught, not read as a different address.
package enum AddressBookSnapshot {
    /// The first eight bytes of every snapshot.
    package static let magic: [UInt8] = Array("FOLIOADB".utf8)
    /// The layout version written.
    package static let formatVersion: UInt32 = 1
    /// Shortest secret accepted.
    package static let minimumSecret = 16
    /// Longest secret accepted.
    package static let maximumSecret = 64
    /// Most anchors read.
    package static let maximumAnchors = 64
    /// Most entries read.
    package static let maximumEntries = 65_536
    /// The largest well-formed snapshot, so a reader can refuse a bigger file unread.
    package static let maximumBytes = magic.count + 4 + 1 + maximumSecret + 2 * 3
        + (maximumAnchors + maximumEntries) * PeerAddress.byteCount + 32 + 16

    /// The bytes of `book`.
    package static func encode(_ book: AddressBook) -> [UInt8] {
        ChecksummedSnapshot.seal(magic: magic, version: formatVersion,
                                 capacity: 32 + (book.anchors.count + book.count) * PeerAddress.byteCount) { writer in
            writer.writeBlob(book.secret)
            writer.writeList(book.anchors)
            writer.writeList(book.entries)
        }
    }

    /// The book held in `bytes`, with `bucketCount` buckets of `bucketSize` and at most
    /// `anchorLimit` anchors. Entries go back through `AddressBook.add`, so a snapshot cannot
    /// put more of one network group in the book than learning could.
    package static func decode(_ bytes: [UInt8], bucketCount: Int = 64, bucketSize: Int = 16,
                               anchorLimit: Int = 8) throws(AddressBookSnapshotError) -> AddressBook {
        var reader: CanonicalReader
        do throws(ChecksummedSnapshot.Failure) {
            reader = try ChecksummedSnapshot.open(bytes, magic: magic, version: formatVersion, maximumBytes: maximumBytes)
        } catch {
            switch error {
            case let .tooLarge(size, maximum): throw .tooLarge(size, maximum: maximum)
            case .wrongMagic: throw .notAnAddressBook
            case .checksumMismatch: throw .checksumMismatch
            case let .unsupportedVersion(version): throw .unsupportedVersion(version)
            case let .malformed(codec): throw .malformed(codec)
            }
        }
        let secret: [UInt8], anchors: [PeerAddress], entries: [PeerAddress]
        do throws(CodecError) {
            secret = try reader.readBlob(field: "secret", cap: maximumSecret)
            anchors = try reader.readList(PeerAddress.self, field: "anchors", cap: maximumAnchors,
                                          minimumElementSize: PeerAddress.byteCount)
            entries = try reader.readList(PeerAddress.self, field: "entries", cap: maximumEntries,
                                          minimumElementSize: PeerAddress.byteCount)
            try reader.finish()
        } catch { throw .malformed(error) }
        guard secret.count >= minimumSecret else { throw .secretTooShort(secret.count) }
        var book = AddressBook(secret: secret, bucketCount: bucketCount, bucketSize: bucketSize, anchorLimit: anchorLimit,
                               anchors: anchors.filter { $0.port != 0 })
        for entry in entries { book.add(entry) }
        return book
    }
}

/// Why bytes are not an address book.
package enum AddressBookSnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Larger than any snapshot can be.
    case tooLarge(Int, maximum: Int)
    /// Does not start with the snapshot magic.
    case notAnAddressBook
    /// The checksum does not match: the file was damaged.
    case checksumMismatch
    /// Written by a layout this build does not know.
    case unsupportedVersion(UInt32)
    /// A secret too short to keep the bucket choice unpredictable.
    case secretTooShort(Int)
    /// The contents do not decode.
    case malformed(CodecError)

    package var description: String {
        switch self {
        case let .tooLarge(size, maximum): return "\(size) bytes, more than an address book can hold (\(maximum))"
        case .notAnAddressBook: return "not an address book (wrong magic)"
        case .checksumMismatch: return "checksum mismatch (the file is damaged)"
        case let .unsupportedVersion(version): return "unsupported address book format \(version)"
        case let .secretTooShort(count): return "bucket secret of \(count) bytes is shorter than \(AddressBookSnapshot.minimumSecret)"
        case let .malformed(error): return "malformed: \(error)"
        }
    }
}
