import FolioCore

/// Asks the peer for addresses it knows. Empty payload.
package struct GetAddrMessage: WireMessage {
    package static let messageType = MessageType.getAddr

    /// The request.
    package init() {}

    package func encode(to writer: inout CanonicalWriter) {}

    package init(from reader: inout CanonicalReader) throws(CodecError) {}
}
