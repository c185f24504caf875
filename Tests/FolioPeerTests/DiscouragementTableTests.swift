import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

@Suite struct DiscouragementTableTests {
    static func ip(_ n: Int) -> IPAddress { IPAddress(10, UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)) }

    @Test func theNodesTableHoldsAsManyAddressesAsTheKeptFile() {
        #expect(DiscouragementTable().capacity == 16_384)
        #expect(AddressBook(secret: [1, 2, 3]).discouraged.capacity == DiscouragementSnapshot.maximumEntries)
    }

    @Test func aFullTableDropsTheAddressExpiringSoonest() {
        var table = DiscouragementTable(capacity: 3)
        table.insert(Self.ip(1), until: 100)
        table.insert(Self.ip(2), until: 300)
        table.insert(Self.ip(3), until: 200)
        #expect(table.insert(Self.ip(4), until: 400) == Self.ip(1))
        #expect(table.count == 3)
        #expect(!table.contains(Self.ip(1), now: 0))
        #expect(table.contains(Self.ip(2), now: 0) && table.contains(Self.ip(3), now: 0) && table.contains(Self.ip(4), now: 0))
        #expect(table.insert(Self.ip(5), until: 500) == Self.ip(3))
        #expect(Set(table.untilByAddress.keys) == [Self.ip(2), Self.ip(4), Self.ip(5)])
    }

    @Test func aNewcomerExpiringSoonerThanEveryHeldAddressIsNotKept() {
        var table = DiscouragementTable(capacity: 2)
        table.insert(Self.ip(1), until: 500)
        table.insert(Self.ip(2), until: 600)
        #expect(table.insert(Self.ip(3), until: 100) == Self.ip(3))
        #expect(!table.contains(Self.ip(3), now: 0))
        #expect(table.untilByAddress == [Self.ip(1): 500, Self.ip(2): 600])
    }

    @Test func anExtendedExpiryCountsAndAnEarlierOneIsIgnored() {
        var table = DiscouragementTable(capacity: 2)
        table.insert(Self.ip(1), until: 100)
        table.insert(Self.ip(2), until: 200)
        table.insert(Self.ip(1), until: 300)
        table.insert(Self.ip(1), until: 50)
        #expect(table.untilByAddress[Self.ip(1)] == 300)
        // ip 1's old entry (100) is stale: ip 2 now expires soonest and makes room.
        #expect(table.insert(Self.ip(3), until: 250) == Self.ip(2))
        #expect(table.untilByAddress == [Self.ip(1): 300, Self.ip(3): 250])
    }

    @Test func anAddressDroppedForRoomCanBeDiscouragedAgain() {
        var table = DiscouragementTable(capacity: 1)
        table.insert(Self.ip(1), until: 100)
        table.insert(Self.ip(2), until: 200)
        #expect(table.insert(Self.ip(1), until: 300) == Self.ip(2))
        #expect(table.contains(Self.ip(1), now: 299) && !table.contains(Self.ip(1), now: 300))
    }

    @Test func repeatedExtensionsDoNotGrowTheHeapWithoutEnd() {
        var table = DiscouragementTable(capacity: 100)
        for n in 0..<10 { table.insert(Self.ip(n), until: 1) }
        for step in 2..<100_002 { table.insert(Self.ip(step % 10), until: Int64(step)) }
        #expect(table.count == 10)
        #expect(table.storedExpiryCount <= 2 * 10 + 16 + 1)
    }

    /// A thousand-odd random inserts against a plain dictionary that finds the soonest expiry by
    /// scanning: both must hold the same addresses and times after every step. Expiry times
    /// are distinct, so "soonest" is never a tie.
    @Test(arguments: [1, 7, 64])
    func matchesAScanningModel(capacity: Int) {
        var generator = SeededGenerator(seed: UInt64(capacity))
        var times = Array(1...4_000).map(Int64.init)
        times.shuffle(using: &generator)
        var table = DiscouragementTable(capacity: capacity)
        var model: [IPAddress: Int64] = [:]
        for until in times.prefix(1_500) {
            let ip = Self.ip(Int(generator.next() % UInt64(capacity * 2 + 3)))
            if let held = model[ip] {
                model[ip] = max(held, until)
            } else if model.count < capacity {
                model[ip] = until
            } else if let soonest = model.min(by: { $0.value < $1.value }), soonest.value < until {
                model[soonest.key] = nil
                model[ip] = until
            }
            table.insert(ip, until: until)
            #expect(table.untilByAddress == model)
            if table.untilByAddress != model { return }
        }
    }
}
