import FolioCore

/// Asks for the headers that follow the first locator hash the peer knows.
///
/// Payload: locator (list of ids, newest first, at most `WireLimits.locatorHashes`), stop id
/// (32; `Hash256.zero` for "as many as allowed").
package struct GetHeadersMessage: WireMessage {
    package static let messageType = MessageType.getHeaders
    /// Block ids from the sender's best chain, newest first, spaced exponentially.
    package var locator: [Hash256]
    /// The last header wanted, or zero.
    package var stop: Hash256

    /// Creates a request.
    package init(locator: [Hash256], stop: Hash256 = .zero) {
        self.locator = locator
        self.stop = stop
    }

    package func encode(to writer: inout CanonicalWriter) {
        writer.writeList(locator)
        writer.write(stop)
    }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        locator = try reader.readList(field: "locator", cap: WireLimits.locatorHashes, minimumElementSize: 32)
        stop = try reader.read()
    }
}
