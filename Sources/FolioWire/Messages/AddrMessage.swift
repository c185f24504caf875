import FolioCore

/// Addresses of peers the sender knows. Payload: a list of addresses (at most
/// `WireLimits.addresses`).
package struct AddrMessage: WireMessage {
    package static let messageType = MessageType.addr
    /// The addresses.
    package var addresses: [PeerAddress]

    /// Creates the message.
    package init(addresses: [PeerAddress]) { self.addresses = addresses }

    package func encode(to writer: inout CanonicalWriter) { writer.writeList(addresses) }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        addresses = try reader.readList(field: "addresses", cap: WireLimits.addresses,
                                        minimumElementSize: PeerAddress.byteCount)
    }
}
