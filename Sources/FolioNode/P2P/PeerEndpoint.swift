import Foundation
import FolioWire
import NIOCore

/// A configured peer, `host:port`, and the address it resolved to.
struct PeerEndpoint: Sendable, Equatable {
    /// The host as configured (name or IPv4 literal).
    let host: String
    /// The TCP port.
    let port: UInt16

    /// Parses `host:port`; nil when either part is missing or the port is not 1...65535.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.lastIndex(of: ":") else { return nil }
        let host = String(trimmed[..<colon]), portText = trimmed[trimmed.index(after: colon)...]
        guard !host.isEmpty, let port = UInt16(portText), port != 0 else { return nil }
        self.host = host
        self.port = port
    }

    /// The IPv4 address the host resolves to, or nil (name not found, or IPv6 only: the peer
    /// layer names remote ends by IPv4 for now).
    func resolve() -> PeerAddress? {
        if let ip = Self.ipv4(host) { return PeerAddress(ip: ip, port: port) }
        guard let socket = try? SocketAddress.makeAddressResolvingHost(host, port: Int(port)),
              case .v4 = socket, let text = socket.ipAddress, let ip = Self.ipv4(text) else { return nil }
        return PeerAddress(ip: ip, port: port)
    }

    /// The IPv4 literal `a.b.c.d`, or nil.
    static func ipv4(_ text: String) -> IPAddress? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        guard bytes.count == 4 else { return nil }
        return IPAddress(bytes[0], bytes[1], bytes[2], bytes[3])
    }

    var description: String { "\(host):\(port)" }
}
