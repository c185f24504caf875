import FolioCrypto
import Testing
@testable import FolioCore

/// Addresses, keys and signatures keep their bytes inline (no array): what they expose must be
/// exactly the bytes they were made from, and equality, hashing and order must be the bytes'.
@Suite struct InlineValueTests {
    /// A few byte strings that differ early, late and only in the last byte.
    private static func variants(count: Int) -> [[UInt8]] {
        let base = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var lastFlipped = base
        lastFlipped[count - 1] ^= 0x80
        var firstBumped = base
        firstBumped[0] &+= 1
        return [base, lastFlipped, firstBumped, [UInt8](repeating: 0, count: count), [UInt8](repeating: 0xFF, count: count)]
    }

    @Test func anAddressGivesBackItsTwentyBytesAndOrdersAsTheyDo() throws {
        let byteStrings = Self.variants(count: 20)
        let addresses = try byteStrings.map { try #require(Address(bytes: $0)) }
        for (address, bytes) in zip(addresses, byteStrings) {
            #expect(address.bytes == bytes)
            #expect(address.withUnsafeBytes { Array($0) } == bytes)
        }
        for (i, a) in addresses.enumerated() {
            for (j, b) in addresses.enumerated() {
                #expect((a == b) == (byteStrings[i] == byteStrings[j]))
                #expect((a < b) == byteStrings[i].lexicographicallyPrecedes(byteStrings[j]))
                if a == b { #expect(a.hashValue == b.hashValue) }
            }
        }
        #expect(Set(addresses).count == Set(byteStrings).count)
        #expect(Address(bytes: [UInt8](repeating: 1, count: 19)) == nil)
        #expect(Address(bytes: [UInt8](repeating: 1, count: 21)) == nil)
        #expect(Address.zero.bytes == [UInt8](repeating: 0, count: 20))
    }

    @Test func keysAndSignaturesGiveBackTheirBytesAndRefuseOtherLengths() throws {
        for bytes in Self.variants(count: 32) {
            let key = try PublicKey(bytes: bytes)
            #expect(key.bytes == bytes)
            #expect(key == (try PublicKey(bytes: bytes)))
        }
        let keys = try Self.variants(count: 32).map { try PublicKey(bytes: $0) }
        #expect(Set(keys).count == 5)
        for bytes in Self.variants(count: 64) {
            let signature = try Signature(bytes: bytes)
            #expect(signature.bytes == bytes)
            #expect(signature.withUnsafeBytes { Array($0) } == bytes)
        }
        let signatures = try Self.variants(count: 64).map { try Signature(bytes: $0) }
        #expect(Set(signatures).count == 5)
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: 31)) { try PublicKey(bytes: [UInt8](repeating: 0, count: 31)) }
        #expect(throws: CryptoError.invalidSignatureLength(actual: 65)) { try Signature(bytes: [UInt8](repeating: 0, count: 65)) }
    }

    /// The codec loads these values with word loads, the initialisers copy bytes: both must
    /// make the same value (equal, same hash), or a decoded sender would not match its key.
    @Test func decodingMakesTheSameValuesAsTheInitialisers() throws {
        for bytes in Self.variants(count: 20) {
            var reader = CanonicalReader(bytes)
            let decoded = try Address(from: &reader)
            let made = try #require(Address(bytes: bytes))
            #expect(decoded == made)
            #expect(decoded.hashValue == made.hashValue)
            #expect(decoded.bytes == bytes)
        }
        for bytes in Self.variants(count: 32) {
            var reader = CanonicalReader(bytes)
            let decoded = try PublicKey(from: &reader)
            #expect(decoded == (try PublicKey(bytes: bytes)))
            #expect(decoded.bytes == bytes)
        }
        for bytes in Self.variants(count: 64) {
            var reader = CanonicalReader(bytes)
            let decoded = try Signature(from: &reader)
            #expect(decoded == (try Signature(bytes: bytes)))
            #expect(decoded.bytes == bytes)
        }
    }

    @Test func aListThatFailsHalfwayThrowsAndLeaksNothing() throws {
        // Three addresses promised, two and a half present: the error is the truncation.
        var writer = CanonicalWriter(capacity: 64)
        writer.writeVarInt(3)
        writer.writeRaw([UInt8](repeating: 1, count: 50))
        var reader = CanonicalReader(writer.bytes)
        #expect(throws: CodecError.self) {
            _ = try reader.readList(Address.self, field: "addresses", cap: 10, minimumElementSize: 1)
        }
        var whole = CanonicalWriter(capacity: 64)
        whole.writeVarInt(2)
        whole.writeRaw([UInt8](repeating: 1, count: 20) + [UInt8](repeating: 2, count: 20))
        var complete = CanonicalReader(whole.bytes)
        let addresses = try complete.readList(Address.self, field: "addresses", cap: 10, minimumElementSize: 20)
        #expect(addresses.map(\.bytes) == [[UInt8](repeating: 1, count: 20), [UInt8](repeating: 2, count: 20)])
    }
}
