import FolioCore
import FolioWire

/// One discouraged address and when it is let back in, as wall-clock time: a restart resets
/// the peer manager's monotonic clock, so only unix time still means the same instant after it.
///
/// Encoding: address (16), expiry (Int64 LE, unix milliseconds): 24 bytes.
package struct Discouragement: Hashable, Sendable, CanonicalCodable {
    /// Encoded size.
    package static let byteCount = 24
    /// The discouraged address.
    package var ip: IPAddress
    /// Unix milliseconds at which the address is no longer refused.
    package var untilUnixMillis: Int64

    /// `ip`, refused until `untilUnixMillis`.
    package init(ip: IPAddress, untilUnixMillis: Int64) {
        self.ip = ip
        self.untilUnixMillis = untilUnixMillis
    }

    package func encode(to writer: inout CanonicalWriter) {
        writer.write(ip)
        writer.write(untilUnixMillis)
    }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        ip = try reader.read()
        untilUnixMillis = try reader.readInt64()
    }
}

/// The discouraged addresses as bytes, for the node to keep beside its address book (as
/// bitcoind keeps its ban list), so a peer punished for misbehaviour stays refused after a
/// restart. Pure; the file is the node's business.
///
/// Layout, canonical encoding: `"FOLIOBAN"` (8 raw bytes), format version (UInt32, 1), entries
/// (list of `Discouragement`, at most 16,384), then the SHA-256 of everything before it (32 raw
/// bytes), so a flipped bit anywhere is caught rather than read as another address or time.
package enum DiscouragementSnapshot {
    /// The first eight bytes of every snapshot.
    package static let magic: [UInt8] = Array("FOLIOBAN".utf8)
    /// The layout version written.
    package static let formatVersion: UInt32 = 1
    /// Most entries written or read. Past it the entries expiring last are kept: they are the
    /// most recent offences.
    package static let maximumEntries = 16_384
    /// The largest well-formed snapshot (the list length takes at most 3 bytes), so a reader
    /// can refuse a bigger file unread.
    package static let maximumBytes = magic.count + 4 + 3 + maximumEntries * Discouragement.byteCount + 32

    /// The bytes of `entries` still in force at `nowUnixMillis`, at most `maximumEntries`
    /// (those expiring last), ordered by address so equal sets give equal bytes.
    package static func encode(_ entries: [Discouragement], nowUnixMillis: Int64) -> [UInt8] {
        let kept = current(entries, nowUnixMillis: nowUnixMillis)
        return ChecksummedSnapshot.seal(magic: magic, version: formatVersion, capacity: 16 + kept.count * Discouragement.byteCount) {
            $0.writeList(kept)
        }
    }

    /// The entries in `bytes` still in force at `nowUnixMillis`; an address listed twice keeps
    /// its later expiry.
    package static func decode(_ bytes: [UInt8], nowUnixMillis: Int64) throws(DiscouragementSnapshotError) -> [Discouragement] {
        var reader: CanonicalReader
        do throws(ChecksummedSnapshot.Failure) {
            reader = try ChecksummedSnapshot.open(bytes, magic: magic, version: formatVersion, maximumBytes: maximumBytes)
        } catch {
            switch error {
            case let .tooLarge(size, maximum): throw .tooLarge(size, maximum: maximum)
            case .wrongMagic: throw .notADiscouragementList
            case .checksumMismatch: throw .checksumMismatch
            case let .unsupportedVersion(version): throw .unsupportedVersion(version)
            case let .malformed(codec): throw .malformed(codec)
            }
        }
        let entries: [Discouragement]
        do throws(CodecError) {
            entries = try reader.readList(Discouragement.self, field: "discouragements", cap: maximumEntries,
                                          minimumElementSize: Discouragement.byteCount)
            try reader.finish()
        } catch { throw .malformed(error) }
        return current(entries, nowUnixMillis: nowUnixMillis)
    }

    /// One entry per address (the later expiry), unexpired at `nowUnixMillis`, the
    /// `maximumEntries` expiring last, ordered by address bytes.
    static func current(_ entries: [Discouragement], nowUnixMillis: Int64) -> [Discouragement] {
        var latest: [IPAddress: Int64] = [:]
        for entry in entries where entry.untilUnixMillis > nowUnixMillis {
            latest[entry.ip] = max(latest[entry.ip] ?? entry.untilUnixMillis, entry.untilUnixMillis)
        }
        var kept = latest.map { Discouragement(ip: $0.key, untilUnixMillis: $0.value) }
        if kept.count > maximumEntries {
            kept.sort { $0.untilUnixMillis > $1.untilUnixMillis }
            kept.removeLast(kept.count - maximumEntries)
        }
        return kept.sorted { $0.ip.bytes.lexicographicallyPrecedes($1.ip.bytes) }
    }
}

/// Why bytes are not a discouragement list.
package enum DiscouragementSnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Larger than any list can be.
    case tooLarge(Int, maximum: Int)
    /// Does not start with the list's magic.
    case notADiscouragementList
    /// The checksum does not match: the file was damaged.
    case checksumMismatch
    /// Written by a layout this build does not know.
    case unsupportedVersion(UInt32)
    /// The contents do not decode.
    case malformed(CodecError)

    package var description: String {
        switch self {
        case let .tooLarge(size, maximum): return "\(size) bytes, more than a discouragement list can hold (\(maximum))"
        case .notADiscouragementList: return "not a discouragement list (wrong magic)"
        case .checksumMismatch: return "checksum mismatch (the file is damaged)"
        case let .unsupportedVersion(version): return "unsupported discouragement list format \(version)"
        case let .malformed(error): return "malformed: \(error)"
        }
    }
}
