import Testing
@testable import FolioCore

@Suite struct ModelShareTests {
    static func owners(_ shares: [UInt64]) -> [Ownership] {
        shares.enumerated().map { Ownership(owner: Fixture.address(UInt8($0.offset + 1)), share: $0.element) }
    }

    @Test(arguments: [[100_000_000], [60_000_000, 40_000_000], [1, 99_999_999], [33_333_334, 33_333_333, 33_333_333]] as [[UInt64]])
    func sharesSummingToExactlyOneHundredMillionPass(shares: [UInt64]) throws {
        try validateShares(Self.owners(shares))
    }

    @Test func anEmptyOwnerListIsRefused() {
        #expect(throws: ShareError.noOwners) { try validateShares([]) }
    }

    @Test func sharesOneShortOfTheWholeAreRefused() {
        #expect(throws: ShareError.sumIsNotWhole(sum: 99_999_999)) {
            try validateShares(Self.owners([60_000_000, 39_999_999]))
        }
    }

    @Test func sharesOneOverTheWholeAreRefusedAtTheFirstExcess() {
        #expect(throws: ShareError.sumIsNotWhole(sum: 100_000_001)) {
            try validateShares(Self.owners([60_000_000, 40_000_001]))
        }
    }

    @Test func hugeSharesCannotOverflowIntoAWhole() {
        // UInt64.max + 100,000,001 would wrap to 100,000,000 without the check.
        #expect(throws: ShareError.sumIsNotWhole(sum: 100_000_001)) {
            try validateShares(Self.owners([UInt64.max, 100_000_001]))
        }
    }

    @Test func aZeroShareIsRefused() {
        #expect(throws: ShareError.zeroShare(index: 1)) {
            try validateShares(Self.owners([100_000_000, 0]))
        }
    }

    @Test func aDuplicateOwnerIsRefused() {
        let owner = Fixture.address(9)
        let list = [Ownership(owner: owner, share: 50_000_000), Ownership(owner: owner, share: 50_000_000)]
        #expect(throws: ShareError.duplicateOwner(owner)) { try validateShares(list) }
    }

    @Test func moreThanSixtyFourOwnersAreRefused() {
        #expect(throws: ShareError.tooManyOwners(count: 65)) {
            try validateShares(Self.owners(Array(repeating: 1, count: 65)))
        }
    }

    @Test func registerWorkValidatesItsOwners() throws {
        try Fixture.registerWork.validate()
        var bad = Fixture.registerWork
        bad.owners[1].share = 1
        #expect(throws: ShareError.sumIsNotWhole(sum: 60_000_001)) { try bad.validate() }
    }

    @Test func fingerprintDistanceCountsDifferingBits() {
        #expect(Fixture.fingerprint(0x00).distance(to: Fixture.fingerprint(0xff)) == 256)
        #expect(Fixture.fingerprint(0x0f).distance(to: Fixture.fingerprint(0x0e)) == 32)
        #expect(Fixture.fingerprint(0x5a).distance(to: Fixture.fingerprint(0x5a)) == 0)
    }
}
