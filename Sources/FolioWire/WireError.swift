import FolioCore

/// Why bytes from a peer could not be turned into a frame or a message. Each case is the peer's
/// fault: the connection that produced it is closed.
package enum WireError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The frame began with another network's magic (or with garbage).
    case wrongMagic(expected: UInt32, actual: UInt32)
    /// The header's length field exceeds `WireLimits.maxFrameLength`; nothing was allocated.
    case frameTooLarge(length: UInt32, cap: Int)
    /// The header named a message type this version does not know.
    case unknownMessageType(UInt8)
    /// The payload did not decode as its message type.
    case malformed(type: MessageType, CodecError)

    package var description: String {
        switch self {
        case let .wrongMagic(expected, actual):
            return "wrong network magic \(hex32(actual)), expected \(hex32(expected))"
        case let .frameTooLarge(length, cap): return "frame length \(length) exceeds the cap of \(cap)"
        case let .unknownMessageType(raw): return "unknown message type \(raw)"
        case let .malformed(type, error): return "malformed \(type) message: \(error)"
        }
    }
}

private func hex32(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
