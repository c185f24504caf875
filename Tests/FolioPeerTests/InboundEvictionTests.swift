import FolioCore
import FolioWire
import Testing
@testable import FolioPeer

/// `InboundEviction` rule by rule. Groups are named by one byte (`10.g.0.0/16`) and ranked by
/// that byte unless a test says otherwise, so which group wins a protected slot is set here,
/// not by a hash.
@Suite struct InboundEvictionTests {
    static func candidate(_ peer: Int, group: UInt8, at connectedAt: Int64, established: Bool = true, rank: UInt64? = nil,
                          ping: Int64? = nil, block: Int64? = nil, transaction: Int64? = nil) -> EvictionCandidate {
        EvictionCandidate(peer: peer, group: [4, 10, group], groupRank: rank ?? UInt64(group), connectedAt: connectedAt,
                          isEstablished: established, fastestPingMillis: ping, lastNovelBlockAt: block,
                          lastNovelTransactionAt: transaction)
    }

    /// A policy protecting nobody, so a test can switch on one rule at a time.
    static var noProtection: InboundEviction {
        var policy = InboundEviction()
        policy.protectedGroups = 0
        policy.protectedByPing = 0
        policy.protectedByTransactions = 0
        policy.protectedByBlocks = 0
        policy.protectsLongestConnectedHalf = false
        return policy
    }

    @Test func nothingHeldMeansNothingToEvict() {
        #expect(InboundEviction().choose(among: []) == nil)
        #expect(Self.noProtection.choose(among: []) == nil)
    }

    @Test func whenEveryPeerIsProtectedTheNewcomerIsRefused() {
        // Three groups, one established peer each: the default policy protects a peer in each
        // of up to four groups.
        let held = [Self.candidate(1, group: 1, at: 10), Self.candidate(2, group: 2, at: 20), Self.candidate(3, group: 3, at: 30)]
        #expect(InboundEviction().choose(among: held) == nil)
    }

    @Test func theLargestGroupLosesItsYoungestMember() {
        let held = [Self.candidate(1, group: 1, at: 10), Self.candidate(2, group: 1, at: 50), Self.candidate(3, group: 1, at: 30),
                    Self.candidate(4, group: 2, at: 60), Self.candidate(5, group: 2, at: 70)]
        #expect(Self.noProtection.choose(among: held) == 2)
    }

    @Test func equalConnectionTimesGoByConnectionNumber() {
        let held = [Self.candidate(7, group: 1, at: 10), Self.candidate(8, group: 1, at: 10)]
        #expect(Self.noProtection.choose(among: held) == 8)
    }

    @Test func aConnectionInItsHandshakeGoesBeforeTheEstablishedOnesOfItsGroup() {
        let held = [Self.candidate(1, group: 1, at: 10), Self.candidate(2, group: 1, at: 90),
                    Self.candidate(3, group: 1, at: 20, established: false), Self.candidate(4, group: 1, at: 40, established: false)]
        // Of the two silent ones, the one silent longest.
        #expect(Self.noProtection.choose(among: held) == 3)
    }

    @Test func aSilentNewcomerAloneInItsGroupOutlastsALargerGroup() {
        // The honest newcomer is still in its handshake; the attacker's group holds the rest.
        // Under the default policy one flooder keeps a group slot and another the uptime
        // half, and two are left, more than the newcomer's group holds.
        let held = (1...4).map { Self.candidate($0, group: 9, at: Int64($0 * 10)) }
            + [Self.candidate(5, group: 42, at: 50, established: false)]
        #expect(Self.noProtection.choose(among: held) == 4)
        #expect(InboundEviction().choose(among: held) == 4)
    }

    @Test func amongEquallyLargeGroupsOneWithASilentConnectionGoesFirst() {
        let held = [Self.candidate(1, group: 1, at: 10, established: false), Self.candidate(2, group: 2, at: 90)]
        #expect(Self.noProtection.choose(among: held) == 1)
    }

    @Test func amongEquallyLargeGroupsTheOneWithTheYoungestMemberGoes() {
        let held = [Self.candidate(1, group: 1, at: 10), Self.candidate(2, group: 1, at: 80),
                    Self.candidate(3, group: 2, at: 20), Self.candidate(4, group: 2, at: 90)]
        #expect(Self.noProtection.choose(among: held) == 4)
    }

    @Test func connectionsOfUnknownAddressFormOneGroup() {
        let unknown = [1, 2, 3].map { EvictionCandidate(peer: $0, group: nil, groupRank: 0, connectedAt: Int64($0), isEstablished: true) }
        let held = unknown + [Self.candidate(4, group: 1, at: 50), Self.candidate(5, group: 1, at: 60)]
        #expect(Self.noProtection.choose(among: held) == 3)
    }

    @Test func theHighestRankedGroupsKeepTheirLongestConnectedMember() {
        var policy = Self.noProtection
        policy.protectedGroups = 2
        // Ranks: group 1 lowest, group 3 highest; each group holds one peer.
        let held = [Self.candidate(1, group: 1, at: 10), Self.candidate(2, group: 2, at: 20), Self.candidate(3, group: 3, at: 30)]
        #expect(Self.noProtection.choose(among: held) == 3)
        #expect(policy.choose(among: held) == 1)
        // Ranked by the keyed rank, not the group bytes.
        let reranked = [Self.candidate(1, group: 1, at: 10, rank: 99), Self.candidate(2, group: 2, at: 20),
                        Self.candidate(3, group: 3, at: 30)]
        #expect(policy.choose(among: reranked) == 2)
        // Within a protected group the longest-connected member is the one kept.
        let one = [Self.candidate(1, group: 5, at: 50), Self.candidate(2, group: 5, at: 10), Self.candidate(3, group: 5, at: 30)]
        var single = Self.noProtection
        single.protectedGroups = 1
        #expect(single.choose(among: one) == 1)
        #expect(single.choose(among: [Self.candidate(2, group: 5, at: 10)]) == nil)
    }

    @Test func aSilentConnectionEarnsNoGroupProtection() {
        var policy = Self.noProtection
        policy.protectedGroups = 4
        let held = [Self.candidate(1, group: 1, at: 10, established: false)]
        #expect(policy.choose(among: held) == 1)
    }

    @Test func theFastestPingsAreProtectedAndAnUnmeasuredPingIsNot() {
        var policy = Self.noProtection
        policy.protectedByPing = 2
        let held = [Self.candidate(1, group: 1, at: 10, ping: 80), Self.candidate(2, group: 1, at: 20, ping: 5),
                    Self.candidate(3, group: 1, at: 30, ping: 9), Self.candidate(4, group: 1, at: 40, ping: 50),
                    Self.candidate(5, group: 1, at: 50)]
        // 2 and 3 are protected; of 1, 4 and 5 the youngest, 5, has no ping on record.
        #expect(policy.choose(among: held) == 5)
        #expect(policy.choose(among: Array(held.prefix(4))) == 4)
        #expect(policy.choose(among: [held[1], held[2]]) == nil)
    }

    @Test func theLatestSendersOfNewTransactionsAreProtected() {
        var policy = Self.noProtection
        policy.protectedByTransactions = 1
        let held = [Self.candidate(1, group: 1, at: 10, transaction: 100), Self.candidate(2, group: 1, at: 20, transaction: 300),
                    Self.candidate(3, group: 1, at: 30, block: 400)]
        #expect(policy.choose(among: held) == 3)
        #expect(policy.choose(among: Array(held.prefix(2))) == 1)
    }

    @Test func theLatestSendersOfNewBlocksAreProtected() {
        var policy = Self.noProtection
        policy.protectedByBlocks = 1
        let held = [Self.candidate(1, group: 1, at: 10, block: 500), Self.candidate(2, group: 1, at: 20, block: 200),
                    Self.candidate(3, group: 1, at: 30, transaction: 900)]
        #expect(policy.choose(among: held) == 3)
        #expect(policy.choose(among: Array(held.prefix(2))) == 2)
    }

    @Test func theLongerConnectedHalfIsProtected() {
        var policy = Self.noProtection
        policy.protectsLongestConnectedHalf = true
        // Group 1 holds four old peers, group 2 three young ones. Unprotected, group 1 is the
        // larger; with the three oldest of seven protected, group 2 is.
        let held = [Self.candidate(1, group: 1, at: 1), Self.candidate(2, group: 1, at: 2), Self.candidate(3, group: 1, at: 3),
                    Self.candidate(4, group: 1, at: 4), Self.candidate(5, group: 2, at: 10), Self.candidate(6, group: 2, at: 11),
                    Self.candidate(7, group: 2, at: 12)]
        #expect(Self.noProtection.choose(among: held) == 4)
        #expect(policy.choose(among: held) == 7)
        // Silent connections neither count towards the half nor are protected by it.
        let silent = [Self.candidate(1, group: 1, at: 1), Self.candidate(2, group: 1, at: 2, established: false)]
        #expect(policy.choose(among: silent) == 2)
    }

    @Test func aFloodFromOneGroupCannotEvictALoneHonestPeerUnderTheDefaultPolicy() {
        // Twenty established flooders from one /16 and one honest peer from another.
        let flood = (1...20).map { Self.candidate($0, group: 9, at: Int64($0)) }
        let honest = Self.candidate(21, group: 42, at: 100)
        let chosen = InboundEviction().choose(among: flood + [honest])
        #expect(chosen == 20)
    }

    @Test func theGroupRankDependsOnTheSecret() {
        let group: [UInt8] = [4, 10, 1]
        #expect(InboundEviction.rank(of: group, secret: [1]) == InboundEviction.rank(of: group, secret: [1]))
        #expect(InboundEviction.rank(of: group, secret: [1]) != InboundEviction.rank(of: group, secret: [2]))
        #expect(InboundEviction.rank(of: group, secret: [1]) != InboundEviction.rank(of: [4, 10, 2], secret: [1]))
    }
}
