import FolioWire

/// Where a peer listens, without the last-seen time a `PeerAddress` carries: the key the
/// dialler and the address book compare addresses by (two `PeerAddress` values for one
/// listener differ when their last-seen times do).
package struct AddressKey: Hashable, Sendable, CustomStringConvertible {
    /// The IP address.
    package let ip: IPAddress
    /// The TCP port.
    package let port: UInt16

    /// The key for `ip:port`.
    package init(ip: IPAddress, port: UInt16) {
        self.ip = ip
        self.port = port
    }

    package var description: String { PeerAddress(ip: ip, port: port).description }
}

extension PeerAddress {
    /// This address without its last-seen time.
    package var key: AddressKey { AddressKey(ip: ip, port: port) }
}
