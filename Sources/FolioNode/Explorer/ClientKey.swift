import NIOCore

/// Whom a per-client limit counts a request against: an IPv4 address, or an IPv6 /64 network
/// (one subscriber is commonly handed a whole /64, so counting single IPv6 addresses would give
/// one client 2^64 allowances). An IPv4 address seen as IPv4-mapped IPv6 counts as itself.
///
/// Forwarding headers (`X-Forwarded-For`) are not read: any client can write them. A node behind
/// a reverse proxy therefore sees one client, the proxy.
struct ClientKey: Hashable, Sendable {
    /// The address as 16 bytes (IPv4 in its mapped IPv6 form, IPv6 with the host half zeroed).
    let high: UInt64
    let low: UInt64

    /// Requests whose peer address is unknown (or not IP) share this one key.
    static let unknown = ClientKey(high: .max, low: .max)

    /// An IPv4 address given as four bytes.
    static func ipv4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> ClientKey {
        ClientKey(high: 0, low: 0xFFFF_0000_0000 | UInt64(a) << 24 | UInt64(b) << 16 | UInt64(c) << 8 | UInt64(d))
    }

    /// An IPv6 address given as 16 bytes in network order (fewer or more: `unknown`).
    static func ipv6(_ bytes: [UInt8]) -> ClientKey {
        guard bytes.count == 16 else { return .unknown }
        let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        if high == 0, low >> 32 == 0xFFFF { return ClientKey(high: 0, low: low) }
        return ClientKey(high: high, low: 0)
    }

    /// The key for a connection's peer address.
    init(_ address: SocketAddress?) {
        switch address {
        case let .v4(v4)?:
            let value = UInt32(bigEndian: v4.address.sin_addr.s_addr)
            self = .ipv4(UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
                         UInt8(truncatingIfNeeded: value))
        case let .v6(v6)?:
            self = .ipv6(withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) })
        default:
            self = .unknown
        }
    }

    private init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}
