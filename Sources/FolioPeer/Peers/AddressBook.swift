import FolioCore
import FolioWire

/// Addresses of peers this node may dial, kept so that no single network group can fill it.
///
/// Each address goes to one bucket chosen by a keyed hash of its network group (IPv4 /16,
/// IPv6 /32): `SHA-256(secret ‖ group)` mod `bucketCount`. An attacker holding every address
/// of one /16 therefore reaches one bucket of `bucketSize` entries, and without the node's
/// secret cannot pick which. Anchors (the last good outbound peers, at most one per group
/// unless the host reserves it) are dialled first after a restart; the other entries are
/// offered one per network group, so one /16 cannot take more than one outbound slot from the
/// book. Discouraged addresses are not handed out until their time runs out.
package struct AddressBook: Sendable {
    /// Number of buckets.
    package let bucketCount: Int
    /// Entries per bucket.
    package let bucketSize: Int
    /// Most anchors kept.
    package let anchorLimit: Int
    /// The key of the bucket hash; kept with the book across restarts so entries stay put.
    package let secret: [UInt8]
    private var buckets: [[PeerAddress]]
    /// The last outbound peers that completed a handshake, most recent first.
    package private(set) var anchors: [PeerAddress] = []
    /// Discouraged addresses, at most `DiscouragementTable.capacity` of them.
    package private(set) var discouraged: DiscouragementTable

    /// An empty book. `secret` should be random per node (at least 16 bytes) and kept across
    /// restarts with the book. `discouragementCapacity` bounds the discouraged addresses held
    /// (by default as many as the kept file holds).
    package init(secret: [UInt8], bucketCount: Int = 64, bucketSize: Int = 16, anchorLimit: Int = 8, anchors: [PeerAddress] = [],
                 discouragementCapacity: Int = DiscouragementSnapshot.maximumEntries) {
        self.secret = secret
        discouraged = DiscouragementTable(capacity: discouragementCapacity)
        self.bucketCount = max(bucketCount, 1)
        self.bucketSize = max(bucketSize, 1)
        self.anchorLimit = anchorLimit
        buckets = Array(repeating: [], count: max(bucketCount, 1))
        self.anchors = Array(anchors.prefix(anchorLimit))
    }

    /// Addresses held in buckets.
    package var count: Int { buckets.reduce(0) { $0 + $1.count } }

    /// Every address held in buckets, bucket by bucket.
    package var entries: [PeerAddress] { Array(buckets.joined()) }

    /// The network group: `04 a b` for IPv4 `a.b.*.*`, `06` and the first 4 bytes for IPv6.
    package static func group(of ip: IPAddress) -> [UInt8] {
        ip.isIPv4 ? [4, ip.bytes[12], ip.bytes[13]] : [6] + ip.bytes.prefix(4)
    }

    /// The bucket `ip` belongs to.
    package func bucket(of ip: IPAddress) -> Int {
        let digest = SHA256.hash(secret + Self.group(of: ip)).bytes
        let word = digest.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        return Int(word % UInt64(bucketCount))
    }

    /// Learns `address`. A known address gets the newer last-seen time; a full bucket drops its
    /// stalest entry if the new one is fresher. Port 0 cannot be dialled and is not kept.
    /// Returns whether the book changed.
    @discardableResult
    package mutating func add(_ address: PeerAddress) -> Bool {
        guard address.port != 0 else { return false }
        let index = bucket(of: address.ip)
        if let known = buckets[index].firstIndex(where: { $0.ip == address.ip && $0.port == address.port }) {
            guard address.lastSeen > buckets[index][known].lastSeen else { return false }
            buckets[index][known].lastSeen = address.lastSeen
            return true
        }
        if buckets[index].count < bucketSize {
            buckets[index].append(address)
            return true
        }
        guard let stalest = buckets[index].indices.min(by: { buckets[index][$0].lastSeen < buckets[index][$1].lastSeen }),
              buckets[index][stalest].lastSeen < address.lastSeen else { return false }
        buckets[index][stalest] = address
        return true
    }

    /// Buckets holding at least one address of `group`.
    package func bucketsHolding(group: [UInt8]) -> Int {
        buckets.filter { $0.contains { Self.group(of: $0.ip) == group } }.count
    }

    /// Records an outbound peer that completed a handshake as the newest anchor. It takes the
    /// place of any older anchor of its network group, except those in `sparing` (peers the
    /// host dials itself): an attacker whose links to us drop and are redialled at other
    /// addresses of its /16 would otherwise push every honest anchor out.
    package mutating func markGood(_ address: PeerAddress, sparing: Set<AddressKey> = []) {
        let group = Self.group(of: address.ip)
        anchors.removeAll { ($0.ip == address.ip && $0.port == address.port) || (Self.group(of: $0.ip) == group && !sparing.contains($0.key)) }
        anchors.insert(address, at: 0)
        if anchors.count > anchorLimit { anchors.removeLast(anchors.count - anchorLimit) }
        add(address)
    }

    /// Discouraged addresses and when each is let back in (milliseconds, the caller's clock).
    package var discouragedUntil: [IPAddress: Int64] { discouraged.untilByAddress }

    /// Refuses `ip` until `until` (milliseconds, the caller's clock) and forgets it as an anchor.
    /// When the table is full, the address expiring soonest makes room (`DiscouragementTable`).
    package mutating func discourage(_ ip: IPAddress, until: Int64) {
        discouraged.insert(ip, until: until)
        anchors.removeAll { $0.ip == ip }
    }

    /// Whether `ip` is discouraged at `now`.
    package func isDiscouraged(_ ip: IPAddress, now: Int64) -> Bool {
        discouraged.contains(ip, now: now)
    }

    /// Up to `count` addresses to dial: anchors first, then one per bucket in turn, skipping
    /// discouraged addresses and those `excluded` says to skip. Past the anchors, an address
    /// whose network group is in `heldGroups` (groups the caller's book links already reach) or
    /// is already chosen is skipped too: one group, one outbound slot.
    package func candidates(count: Int, now: Int64, heldGroups: Set<[UInt8]> = [],
                            excluded: (PeerAddress) -> Bool) -> [PeerAddress] {
        var chosen: [PeerAddress] = []
        var groups = heldGroups
        func consider(_ address: PeerAddress, spreading: Bool) {
            guard chosen.count < count, !isDiscouraged(address.ip, now: now), !excluded(address),
                  !chosen.contains(where: { $0.ip == address.ip && $0.port == address.port }) else { return }
            let group = Self.group(of: address.ip)
            if spreading, groups.contains(group) { return }
            groups.insert(group)
            chosen.append(address)
        }
        // Anchors proved themselves as outbound peers, and hold one per group already.
        for anchor in anchors { consider(anchor, spreading: false) }
        let deepest = buckets.map(\.count).max() ?? 0
        for depth in 0..<deepest {
            for bucket in buckets where depth < bucket.count { consider(bucket[depth], spreading: true) }
        }
        return chosen
    }

    /// Up to `count` addresses to share with a peer that asked, freshest first.
    package func sample(count: Int, now: Int64) -> [PeerAddress] {
        Array(buckets.joined().filter { !isDiscouraged($0.ip, now: now) }.sorted { $0.lastSeen > $1.lastSeen }.prefix(count))
    }
}
