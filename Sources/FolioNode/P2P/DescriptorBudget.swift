import FolioNetwork
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// How many inbound peers the process's file-descriptor limit leaves room for.
///
/// Every inbound peer holds a descriptor. Were the inbound cap above what the limit allows, a
/// connection flood would take the last descriptors and `accept`, the RPC server, outbound
/// dials and the store's files would all fail with EMFILE until flood connections timed out
/// (SwiftNIO's accept back-off only waits). So, as bitcoind does, the node first raises its
/// soft limit towards what `max-peers` needs (up to the hard limit), then lowers the inbound
/// cap so that inbound peers, the sockets the edge may hold past the cap
/// (`NetworkDefaults.pendingInboundSlack`), outbound links and a fixed reserve fit in the limit
/// it has.
enum DescriptorBudget {
    /// Descriptors kept for everything but peer links: standard streams, the store's database,
    /// WAL and shared-memory files, the event loops' epoll, event and timer descriptors, the
    /// RPC listener and its clients, the peer listener, and the data files written now and then
    /// (bitcoind keeps 150 for the same things).
    static let reserved = 150

    /// The inbound cap for `requested` inbound peers and up to `outbound` outbound links when
    /// the process may hold `limit` descriptors: at most
    /// `limit - reserved - pendingInboundSlack - outbound`, never below 0.
    static func inboundCap(requested: Int, outbound: Int, limit: Int) -> Int {
        max(0, min(requested, limit - reserved - NetworkDefaults.pendingInboundSlack - outbound))
    }

    /// Descriptors `maxPeers` inbound peers and `outbound` links need with the reserve and slack.
    static func wanted(maxPeers: Int, outbound: Int) -> Int {
        maxPeers + NetworkDefaults.pendingInboundSlack + outbound + reserved
    }

    /// Raises the soft descriptor limit to `wanted` if it is lower and the hard limit allows
    /// (else to the hard limit), and returns the soft limit then in force; nil when it cannot
    /// be read.
    static func raiseLimit(towards wanted: Int) -> Int? {
        var limits = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0 else { return nil }
        let target = rlim_t(clamping: max(wanted, 0))
        if limits.rlim_cur < target, limits.rlim_cur < limits.rlim_max {
            var raised = limits
            raised.rlim_cur = min(target, limits.rlim_max)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limits = raised }
        }
        return Int(clamping: limits.rlim_cur)
    }
}

extension P2PService {
    /// `maxPeers`, lowered (with a warning) to what the file-descriptor limit leaves room for
    /// once the soft limit is raised as far as it may go (`DescriptorBudget`).
    func inboundCapForDescriptorLimit() -> Int {
        let outbound = outboundTarget + targets.count
        guard let limit = DescriptorBudget.raiseLimit(towards: DescriptorBudget.wanted(maxPeers: maxPeers, outbound: outbound)) else {
            logger.warning("p2p: could not read the file-descriptor limit; holding up to max-peers \(maxPeers) inbound")
            return maxPeers
        }
        let cap = DescriptorBudget.inboundCap(requested: maxPeers, outbound: outbound, limit: limit)
        if cap < maxPeers {
            logger.warning("""
                p2p: max-peers \(maxPeers) is more than the file-descriptor limit \(limit) leaves room for \
                (\(DescriptorBudget.reserved) kept for the store, RPC and files, \(NetworkDefaults.pendingInboundSlack) for \
                inbound sockets still closing or not yet served, \(outbound) for outbound links); \
                holding at most \(cap) inbound; raise the limit (ulimit -n) to hold more
                """)
        }
        return cap
    }
}
