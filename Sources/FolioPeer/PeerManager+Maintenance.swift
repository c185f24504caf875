import FolioCore
import FolioWire

extension PeerManager {
    /// Timeouts, pings, re-requests and dialling.
    func tick() async -> [PeerAction] {
        var actions: [PeerAction] = []
        for (peer, state) in peers.sorted(by: { $0.key < $1.key }) {
            if !state.isEstablished {
                if now - state.openedAt >= configuration.handshakeTimeoutMillis {
                    actions += failSession(peer, .timeout, "handshake not finished in \(configuration.handshakeTimeoutMillis) ms")
                }
                continue
            }
            if let ping = state.outstandingPing {
                if now - ping.sentAt >= configuration.pingTimeoutMillis {
                    actions += failSession(peer, .timeout, "no pong in \(configuration.pingTimeoutMillis) ms")
                }
            } else if now - state.lastPingAt >= configuration.pingIntervalMillis {
                pingCounter &+= 1
                let nonce = pingCounter &* 0x9E37_79B9_7F4A_7C15
                peers[peer]?.outstandingPing = (nonce, now)
                peers[peer]?.lastPingAt = now
                actions += send([.ping(PingMessage(nonce: nonce))], to: peer)
            }
        }
        _ = scheduler.expire(now: now)
        actions += assignDownloads()
        actions += dialIfShort()
        return actions
    }

    /// Remembers a failed dial and when to try that address again.
    func dialFailed(_ address: PeerAddress) -> [PeerAction] {
        dialling.remove(address)
        let failures = (dialFailures[address]?.count ?? 0) + 1
        let shift = Int64(min(failures - 1, 20))
        let wait = min(configuration.dialBackoffMillis << shift, configuration.maxDialBackoffMillis)
        dialFailures[address] = (failures, now + wait)
        return []
    }

    /// Dials book addresses (anchors first) until outbound connections reach the target.
    func dialIfShort() -> [PeerAction] {
        let outbound = peers.values.filter { !$0.inbound }.count + dialling.count
        guard outbound < configuration.targetOutbound else { return [] }
        let connected = Set(peers.values.compactMap { $0.address.map { "\($0.ip):\($0.port)" } })
        let pending = Set(dialling.map { "\($0.ip):\($0.port)" })
        let chosen = addressBook.candidates(count: configuration.targetOutbound - outbound, now: now) { address in
            let key = "\(address.ip):\(address.port)"
            let waiting = dialFailures.first { $0.key.ip == address.ip && $0.key.port == address.port }.map { $0.value.retryAt > now }
            return connected.contains(key) || pending.contains(key) || waiting == true
        }
        for address in chosen { dialling.insert(address) }
        return chosen.map { .dial($0) }
    }
}
