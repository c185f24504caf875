import FolioCore

/// Acknowledges the peer's `version`. Empty payload.
package struct VerackMessage: WireMessage {
    package static let messageType = MessageType.verack

    /// The verack.
    package init() {}

    package func encode(to writer: inout CanonicalWriter) {}

    package init(from reader: inout CanonicalReader) throws(CodecError) {}
}
