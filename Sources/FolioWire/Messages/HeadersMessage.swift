import FolioCore

/// Block headers in chain order, each the parent of the next.
///
/// Payload: a list of headers (at most `WireLimits.headers`).
package struct HeadersMessage: WireMessage {
    package static let messageType = MessageType.headers
    /// The headers.
    package var headers: [BlockHeader]

    /// Creates a headers message.
    package init(headers: [BlockHeader]) { self.headers = headers }

    package func encode(to writer: inout CanonicalWriter) { writer.writeList(headers) }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        headers = try reader.readList(field: "headers", cap: WireLimits.headers,
                                      minimumElementSize: ProofOfWorkSeal.headerSize)
    }
}
