import FolioCore
import FolioNetwork
import FolioPeer
import FolioWire

/// A configured peer the service keeps a link to.
struct DialTarget: Sendable {
    /// Where it is, as configured.
    let endpoint: PeerEndpoint
    /// What the host resolved to (resolved again on each due attempt until it does).
    var address: PeerAddress?
    /// The identity it proved the last time a handshake completed, so a link it opened to us
    /// counts as the link to it.
    var identity: PublicKey?
    /// When to dial it next.
    var schedule = RedialSchedule()
}

/// Whether a connection is a link to a target.
enum LinkState: Equatable {
    /// No connection to it.
    case none
    /// A connection whose handshake is under way.
    case connecting
    /// An established connection; the identity it proved.
    case established(PublicKey?)
}

extension P2PService {
    /// Milliseconds between checks of the configured peers.
    static let dialCheckMillis: Int64 = 500

    func startDialling(manager: PeerManager, network: PeerNetwork) {
        guard !targets.isEmpty else { return }
        tasks.append(Task { [weak self] in
            while !Task.isCancelled {
                guard let self else { return }
                await self.dialDue(manager: manager, network: network)
                try? await Task.sleep(for: .milliseconds(P2PService.dialCheckMillis))
            }
        })
    }

    /// Dials each configured peer that has no link and whose backoff has run out.
    func dialDue(manager: PeerManager, network: PeerNetwork) async {
        let peers = await manager.peers
        let now = await network.now
        for index in targets.indices {
            var target = targets[index]
            defer { targets[index] = target }
            if target.address == nil, target.schedule.isDue(now: now) {
                target.address = target.endpoint.resolve()
                if target.address == nil {
                    target.schedule.dialled(now: now)
                    logger.warning("p2p: cannot resolve peer \(target.endpoint.description) to an IPv4 address; retrying later")
                    continue
                }
            }
            guard let address = target.address else { continue }
            if peerFilter.blocks(address) { continue }
            switch Self.link(to: address, identity: target.identity, among: peers) {
            case let .established(identity):
                if !target.schedule.linked { logger.info("p2p: connected to peer \(target.endpoint.description)") }
                target.schedule.linkUp()
                if let identity { target.identity = identity }
            case .connecting:
                continue
            case .none:
                if target.schedule.linked { logger.info("p2p: link to \(target.endpoint.description) dropped; redialling") }
                target.schedule.linkDown(now: now)
                guard target.schedule.isDue(now: now) else { continue }
                target.schedule.dialled(now: now)
                logger.debug("p2p: dialling \(target.endpoint.description) (attempt \(target.schedule.attempts))")
                await network.dial(host: address.ip.description, port: Int(address.port), address: address)
            }
        }
        // A name may have resolved just now: the manager must not dial it from its book too.
        await reserveConfiguredAndFiltered()
    }

    /// The best link to the peer at `address` (or proving `identity`) among `peers`: one we
    /// dialled, one it dialled from that IP announcing that listening port, or any connection
    /// proving its known identity.
    static func link(to address: PeerAddress, identity: PublicKey?, among peers: [Int: PeerState]) -> LinkState {
        var state = LinkState.none
        for (_, peer) in peers {
            let matches: Bool
            if let identity, peer.session.remoteIdentity == identity {
                matches = true
            } else if let remote = peer.address, remote.ip == address.ip {
                let port = peer.inbound ? peer.session.remoteVersion?.listenPort : remote.port
                matches = port == address.port
            } else {
                matches = false
            }
            guard matches else { continue }
            if peer.isEstablished {
                // Only a link we dialled proves the identity listening at `address`.
                return .established(peer.inbound ? identity : peer.session.remoteIdentity)
            }
            state = .connecting
        }
        return state
    }
}
