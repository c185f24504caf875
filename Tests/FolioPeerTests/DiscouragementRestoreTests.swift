import FolioCore
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

/// A discouragement leaves the manager as wall-clock time and comes back on another run's
/// monotonic clock: the address stays refused until the same instant, and not after it.
@Suite struct DiscouragementRestoreTests {
    /// Unix milliseconds at the first run's clock zero.
    static let firstZero: Int64 = 1_700_000_000_000
    static let offender = IPAddress(203, 0, 113, 5)
    static let day: Int64 = 24 * 3_600_000

    static func manager(unixMillisAtZero: Int64) throws -> PeerManager {
        let genesis = InMemoryPeerBlocks.genesis()
        var configuration = PeerConfiguration(chainId: 7, genesis: genesis.id, listenPort: 9333)
        configuration.targetOutbound = 0
        configuration.unixMillisAtZero = unixMillisAtZero
        return PeerManager(configuration: configuration, crypto: try crypto(1), chain: InMemoryPeerChain(genesis: genesis),
                           addressBook: AddressBook(secret: [UInt8](repeating: 1, count: 16)))
    }

    static func refused(_ actions: [PeerAction]) -> Bool {
        actions.contains { if case .close(_, .discouraged, _) = $0 { return true } else { return false } }
    }

    /// First run: the offender misbehaves 5 s after the clock's zero; its entry reads
    /// zero + 5 s + 24 h in unix time. Second run, started an hour later: refused until
    /// that instant (23 h 0 min 5 s on the new clock), let in from it.
    @Test func aRestoredDiscouragementEndsAtTheSameWallClockInstant() async throws {
        let first = try Self.manager(unixMillisAtZero: Self.firstZero)
        _ = await first.handle(.opened(peer: 1, inbound: true, address: PeerAddress(ip: Self.offender, port: 40_000)), now: 5_000)
        _ = await first.misbehaved(1, .invalidBlock("test offence"))
        let kept = await first.discouragements()
        #expect(kept == [Discouragement(ip: Self.offender, untilUnixMillis: Self.firstZero + 5_000 + Self.day)])

        let second = try Self.manager(unixMillisAtZero: Self.firstZero + 3_600_000)
        #expect(await second.restore(kept) == 1)
        let end = Self.day + 5_000 - 3_600_000
        let early = await second.handle(.opened(peer: 1, inbound: true, address: PeerAddress(ip: Self.offender, port: 40_001)), now: 0)
        #expect(Self.refused(early))
        let other = await second.handle(.opened(peer: 2, inbound: true, address: PeerAddress(ip: IPAddress(198, 51, 100, 1), port: 1)), now: 0)
        #expect(!Self.refused(other))
        #expect(await second.addressBook.isDiscouraged(Self.offender, now: end - 1))
        #expect(!(await second.addressBook.isDiscouraged(Self.offender, now: end)))
        let late = await second.handle(.opened(peer: 3, inbound: true, address: PeerAddress(ip: Self.offender, port: 40_002)), now: end)
        #expect(!Self.refused(late))
        // Once expired it is no longer kept either.
        #expect(await second.discouragements().isEmpty)
    }

    @Test func anEntryAlreadyExpiredIsNotRestored() async throws {
        let manager = try Self.manager(unixMillisAtZero: Self.firstZero)
        let entries = [Discouragement(ip: Self.offender, untilUnixMillis: Self.firstZero),
                       Discouragement(ip: IPAddress(192, 0, 2, 1), untilUnixMillis: Self.firstZero + 1)]
        #expect(await manager.restore(entries) == 1)
        #expect(!(await manager.addressBook.isDiscouraged(Self.offender, now: 0)))
        #expect(await manager.addressBook.isDiscouraged(IPAddress(192, 0, 2, 1), now: 0))
    }
}
