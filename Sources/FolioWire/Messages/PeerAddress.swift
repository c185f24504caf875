import FolioCore

/// An IP address as 16 bytes; IPv4 is held IPv4-mapped (`::ffff:a.b.c.d`).
package struct IPAddress: Hashable, Sendable, CanonicalCodable, CustomStringConvertible {
    /// The 16 address bytes, network order.
    package let bytes: [UInt8]

    /// Wraps 16 bytes; nil for any other count.
    package init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// The IPv4 address `a.b.c.d`.
    package init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        bytes = [UInt8](repeating: 0, count: 10) + [0xff, 0xff, a, b, c, d]
    }

    /// Whether this is an IPv4-mapped address.
    package var isIPv4: Bool { bytes.prefix(12).elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]) }

    /// Whether this is a loopback address (IPv4 127.0.0.0/8 or IPv6 `::1`): another process on
    /// this machine.
    package var isLoopback: Bool {
        if isIPv4 { return bytes[12] == 127 }
        return bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1
    }

    package var description: String {
        if isIPv4 { return bytes.suffix(4).map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }

    package func encode(to writer: inout CanonicalWriter) { writer.writeRaw(bytes) }

    package init(from reader: inout CanonicalReader) throws(CodecError) { bytes = try reader.readRaw(count: 16) }
}

/// Where a peer can be reached, and when it was last known to be up.
///
/// Encoding: address (16), port (UInt16 LE), last seen (Int64 LE, unix seconds): 26 bytes.
package struct PeerAddress: Hashable, Sendable, CanonicalCodable, CustomStringConvertible {
    /// Encoded size.
    package static let byteCount = 26
    /// The IP address.
    package var ip: IPAddress
    /// The TCP port.
    package var port: UInt16
    /// Unix seconds the address was last seen working.
    package var lastSeen: Int64

    /// Creates an address.
    package init(ip: IPAddress, port: UInt16, lastSeen: Int64 = 0) {
        self.ip = ip
        self.port = port
        self.lastSeen = lastSeen
    }

    package var description: String { ip.isIPv4 ? "\(ip):\(port)" : "[\(ip)]:\(port)" }

    package func encode(to writer: inout CanonicalWriter) {
        writer.write(ip)
        writer.write(port)
        writer.write(lastSeen)
    }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        ip = try reader.read()
        port = try reader.readUInt16()
        lastSeen = try reader.readInt64()
    }
}
