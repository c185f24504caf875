import FolioCore

/// The envelope of the peer layer's files (`peers.dat`, `discouraged.dat`): eight bytes of
/// magic, a `UInt32` layout version, the body, then SHA-256 of everything before it. A file
/// that is too big, of another kind, damaged or of another version is refused as a whole.
package enum ChecksummedSnapshot {
    /// Why an envelope was refused before its body was read.
    package enum Failure: Error, Equatable, Sendable {
        /// More bytes than the kind of file can hold.
        case tooLarge(Int, maximum: Int)
        /// The magic is not the one expected.
        case wrongMagic
        /// The checksum does not match the bytes.
        case checksumMismatch
        /// A layout version this build does not read.
        case unsupportedVersion(UInt32)
        /// The version could not be read.
        case malformed(CodecError)
    }

    /// The bytes of a snapshot whose body `writeBody` writes.
    package static func seal(magic: [UInt8], version: UInt32, capacity: Int,
                             _ writeBody: (inout CanonicalWriter) -> Void) -> [UInt8] {
        var writer = CanonicalWriter(capacity: capacity + 32)
        writer.writeRaw(magic)
        writer.write(version)
        writeBody(&writer)
        var bytes = writer.finish()
        bytes += SHA256.hash(bytes).bytes
        return bytes
    }

    /// A reader over the body of `bytes`, after the size, magic, checksum and version checks.
    package static func open(_ bytes: [UInt8], magic: [UInt8], version expected: UInt32,
                             maximumBytes: Int) throws(Failure) -> CanonicalReader {
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes.count, maximum: maximumBytes) }
        guard bytes.count >= magic.count + 32, bytes.prefix(magic.count).elementsEqual(magic) else { throw .wrongMagic }
        let body = Array(bytes.dropLast(32))
        guard SHA256.hash(body).bytes == Array(bytes.suffix(32)) else { throw .checksumMismatch }
        var reader = CanonicalReader(body)
        let version: UInt32
        do throws(CodecError) {
            _ = try reader.readRaw(count: magic.count)
            version = try reader.readUInt32()
        } catch { throw .malformed(error) }
        // Checked before the rest is read: another version may lay the rest out differently.
        guard version == expected else { throw .unsupportedVersion(version) }
        return reader
    }
}
