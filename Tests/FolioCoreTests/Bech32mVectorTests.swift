import Testing
@testable import FolioCore

/// Bech32m against the generic checksum vectors BIP-350 publishes ("Test vectors for
/// Bech32m"), character for character, each invalid one with the rule it breaks.
@Suite struct Bech32mVectorTests {
    static let valid: [String] = [
        "A1LQFN3A",
        "a1lqfn3a",
        "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
        "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
        "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
        "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
        "?1v759aa",
    ]

    @Test("a BIP-350 valid string decodes and re-encodes to itself in lower case", arguments: valid)
    func validVectorRoundTrips(text: String) throws {
        let decoded = try Bech32m.decode(text)
        let again = try Bech32m.encode(humanReadablePart: decoded.humanReadablePart, data: decoded.data)
        #expect(again == text.lowercased())
    }

    static let invalid: [(text: String, error: Bech32mError)] = [
        ("\u{20}1xj0phk", .characterOutOfRange(offset: 0)),   // HRP character out of range
        ("\u{7F}1g6xzxy", .characterOutOfRange(offset: 0)),   // HRP character out of range
        ("\u{80}1vctc34", .characterOutOfRange(offset: 0)),   // HRP character out of range
        ("an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
         .tooLong(length: 91)),                                // overall max length exceeded
        ("qyrz8wqd2c9m", .missingSeparator),                  // no separator character
        ("1qyrz8wqd2c9m", .emptyHumanReadablePart),           // empty HRP
        ("y1b0jsk6g", .invalidDataCharacter(offset: 2)),      // invalid data character
        ("lt1igcx5c0", .invalidDataCharacter(offset: 3)),     // invalid data character
        ("in1muywd", .checksumTooShort),                      // too short checksum
        ("mm1crxm3i", .invalidDataCharacter(offset: 8)),      // invalid character in checksum
        ("au1s5cgom", .invalidDataCharacter(offset: 7)),      // invalid character in checksum (the o)
        ("M1VUXWEZ", .invalidChecksum),                       // checksum calculated with uppercase HRP
        ("16plkw9", .emptyHumanReadablePart),                 // empty HRP
        ("1p2gdwpf", .emptyHumanReadablePart),                // empty HRP
    ]

    @Test("a BIP-350 invalid string is rejected for the rule it breaks", arguments: invalid)
    func invalidVectorIsRejected(vector: (text: String, error: Bech32mError)) {
        #expect(throws: vector.error) { _ = try Bech32m.decode(vector.text) }
    }

    @Test("a bech32 (BIP-173) checksum is not a bech32m checksum")
    func bech32ChecksumIsRejected() {
        #expect(throws: Bech32mError.invalidChecksum) { _ = try Bech32m.decode("A12UEL5L") }
        #expect(throws: Bech32mError.invalidChecksum) {
            _ = try Bech32m.decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")
        }
    }

    @Test("a string mixing upper and lower case is rejected")
    func mixedCaseIsRejected() {
        #expect(throws: Bech32mError.mixedCase) { _ = try Bech32m.decode("a1LQFN3A") }
        #expect(throws: Bech32mError.mixedCase) { _ = try Bech32m.decode("A1lqfn3a") }
    }

    @Test("the data part reads as the alphabet's indices")
    func dataIsAlphabetIndices() throws {
        // "l7aum6echk45nj3s0wdvt2fg8x9yrzpq" is the alphabet backwards: groups 31 down to 0.
        let decoded = try Bech32m.decode("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx")
        #expect(decoded.humanReadablePart == "abcdef")
        #expect(decoded.data == Array((0...31).reversed()))
    }

    @Test("the encoder refuses what the decoder would refuse")
    func encoderRefusesInvalidInput() {
        #expect(throws: Bech32mError.emptyHumanReadablePart) { _ = try Bech32m.encode(humanReadablePart: "", data: []) }
        #expect(throws: Bech32mError.characterOutOfRange(offset: 1)) {
            _ = try Bech32m.encode(humanReadablePart: "a b", data: [])
        }
        #expect(throws: Bech32mError.invalidDataValue(offset: 1)) {
            _ = try Bech32m.encode(humanReadablePart: "a", data: [0, 32])
        }
        #expect(throws: Bech32mError.tooLong(length: 91)) {
            _ = try Bech32m.encode(humanReadablePart: "a", data: [UInt8](repeating: 0, count: 83))
        }
    }

    @Test("bytes regroup into five-bit groups, most significant first, zero-padded")
    func bytesRegroupIntoFiveBitGroups() throws {
        // 0xff = 11111 111 → 11111, 111(00) = 31, 28.
        #expect(Bech32m.groups(fromBytes: [0xff]) == [31, 28])
        // 0x01 0x02 = 00000 00100 00001 0(0000) → 0, 4, 1, 0.
        #expect(Bech32m.groups(fromBytes: [0x01, 0x02]) == [0, 4, 1, 0])
        #expect(Bech32m.groups(fromBytes: []) == [])
        #expect(try Bech32m.bytes(fromGroups: [31, 28]) == [0xff])
        #expect(try Bech32m.bytes(fromGroups: [0, 4, 1, 0]) == [0x01, 0x02])
    }

    @Test("groups that leave non-zero or five-plus padding bits are rejected", arguments: [
        [UInt8(31), 29],  // padding bits 01
        [31, 28, 0],      // 15 bits: 7 left over
        [1],              // 5 bits: no whole byte
    ])
    func badPaddingIsRejected(groups: [UInt8]) {
        #expect(throws: Bech32mError.invalidPadding) { _ = try Bech32m.bytes(fromGroups: groups) }
    }
}
