import FolioWire

extension PeerManager {
    /// The discouraged addresses still refused now, with their expiry as unix milliseconds
    /// (`PeerConfiguration.unixMillisAtZero` plus the manager's clock), for the node to keep
    /// across restarts.
    package func discouragements() -> [Discouragement] {
        addressBook.discouragedUntil.compactMap { ip, until in
            until > now ? Discouragement(ip: ip, untilUnixMillis: configuration.unixMillisAtZero + until) : nil
        }
    }

    /// Refuses the addresses of a kept list again, each until its expiry converted to this
    /// manager's clock; entries already expired are dropped. Returns how many were restored.
    @discardableResult
    package func restore(_ discouragements: [Discouragement]) -> Int {
        var restored = 0
        for entry in discouragements {
            let until = entry.untilUnixMillis - configuration.unixMillisAtZero
            guard until > now else { continue }
            addressBook.discourage(entry.ip, until: until)
            restored += 1
        }
        return restored
    }
}
