import Testing
@testable import FolioCrypto

@Suite("Constant-time comparison")
struct ConstantTimeTests {
    @Test func equalBytesCompareEqual() {
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
        #expect(ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
    }

    @Test(arguments: [0, 15, 31])
    func aDifferenceAnywhereCompareUnequal(position: Int) {
        let a = [UInt8](repeating: 9, count: 32)
        var b = a
        b[position] ^= 0x40
        #expect(!ConstantTime.equals(a, b))
    }

    @Test func differentLengthsCompareUnequal() {
        #expect(!ConstantTime.equals([1, 2] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(!ConstantTime.equals([UInt8](), [0] as [UInt8]))
    }

    @Test func secretBytesCompareByContent() {
        let secret = SecretBytes(copying: [5, 6, 7] as [UInt8])
        #expect(secret.constantTimeEquals([5, 6, 7] as [UInt8]))
        #expect(!secret.constantTimeEquals([5, 6, 8] as [UInt8]))
    }
}

@Suite("Random sources")
struct RandomSourceTests {
    @Test func systemRandomFillsWithDistinctBytes() throws {
        var random = SystemRandom()
        let a = try random.bytes(count: 32), b = try random.bytes(count: 32)
        #expect(a.count == 32 && a != b)
        #expect(try random.bytes(count: 0).isEmpty)
    }

    @Test func negativeCountIsATypedError() {
        var random = SystemRandom()
        #expect(throws: CryptoError.self) { try random.bytes(count: -1) }
    }

    @Test func injectedSeededSourceMakesKeysReproducible() throws {
        var a = SeededRandom(seed: 1), b = SeededRandom(seed: 1)
        #expect(try a.bytes(count: 16) == b.bytes(count: 16))
    }
}
