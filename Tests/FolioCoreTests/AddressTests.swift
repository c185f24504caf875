import FolioCrypto
import PropertyBased
import Testing
@testable import FolioCore

/// Addresses: 20 bytes from the public key, written as bech32m with the network's prefix.
@Suite struct AddressTests {
    /// Bytes 0x00, 0x01, ... 0x13.
    static let counting = Address(bytes: Array(0..<20))

    @Test("an address is the first 20 bytes of SHA-256 of the public key")
    func addressIsHashPrefixOfKey() throws {
        // SHA-256 of 32 zero bytes is 66687aad f862bd77 6c8fc18b 8e9f8e20 08971485 6ee233b3 ...
        let key = try PublicKey(bytes: [UInt8](repeating: 0, count: 32))
        #expect(HexCoding.encode(Address(publicKey: key).bytes) == "66687aadf862bd776c8fc18b8e9f8e2008971485")
    }

    /// Expected strings come from a separate BIP-350 implementation in Python, itself checked
    /// against the BIP's valid vectors; the data part of bytes 00 01 02 … is the well-known
    /// "qqqsyqcyq5rqwzqfpg9scrgwpugpzysn".
    static let vectors: [(bytes: [UInt8], network: NetworkKind, text: String)] = [
        (Array(0..<20), .main, "folio1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnmxt884"),
        (Array(0..<20), .test, "tfolio1qqqsyqcyq5rqwzqfpg9scrgwpugpzysn5rjakk"),
        ([UInt8](repeating: 0, count: 20), .main, "folio1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqtn6z33"),
        ([UInt8](repeating: 0xff, count: 20), .main, "folio1llllllllllllllllllllllllllllllll8zmdkm"),
    ]

    @Test("an address has a fixed text form per network", arguments: vectors)
    func textFormMatchesVector(vector: (bytes: [UInt8], network: NetworkKind, text: String)) throws {
        let address = try #require(Address(bytes: vector.bytes))
        #expect(address.bech32m(on: vector.network) == vector.text)
        #expect(try Address(bech32m: vector.text, network: vector.network) == address)
    }

    @Test("any address round-trips through its text on every network")
    func textRoundTrips() async {
        await propertyCheck(input: Gen.uint8().array(of: 20), Gen.element(of: NetworkKind.allCases)) { bytes, network in
            let address = try #require(Address(bytes: bytes))
            let network = try #require(network)
            let text = address.bech32m(on: network)
            #expect(text.count == network.addressPrefix.count + 1 + 32 + 6)
            let parsed = try Address.parse(bech32m: text)
            #expect(parsed.address == address && parsed.network == network)
        }
    }

    @Test("all-uppercase text is accepted")
    func uppercaseIsAccepted() throws {
        let address = try #require(Self.counting)
        let text = address.bech32m(on: .main).uppercased()
        #expect(try Address(bech32m: text, network: .main) == address)
    }

    @Test("text with one letter's case flipped is rejected as mixed case")
    func mixedCaseIsRejected() throws {
        let text = try #require(Self.counting).bech32m(on: .main)
        let flipped = "F" + text.dropFirst()
        #expect(throws: Bech32mError.mixedCase) { _ = try Address(bech32m: flipped, network: .main) }
    }

    @Test("every single-character typo in the data part is caught by the checksum")
    func singleCharacterTypoIsDetected() throws {
        let text = Array(try #require(Self.counting).bech32m(on: .main).utf8)
        let dataStart = NetworkKind.main.addressPrefix.utf8.count + 1
        var tried = 0
        for index in dataStart..<text.count {
            for replacement in Bech32m.alphabet where replacement != text[index] {
                var typo = text
                typo[index] = replacement
                tried += 1
                #expect(throws: Bech32mError.invalidChecksum) {
                    _ = try Address(bech32m: String(decoding: typo, as: UTF8.self), network: .main)
                }
            }
        }
        #expect(tried == 38 * 31)
    }

    @Test("every swap of two adjacent different characters is caught by the checksum")
    func adjacentSwapIsDetected() throws {
        let text = Array(try #require(Self.counting).bech32m(on: .test).utf8)
        let dataStart = NetworkKind.test.addressPrefix.utf8.count + 1
        var tried = 0
        for index in dataStart..<(text.count - 1) where text[index] != text[index + 1] {
            var swapped = text
            swapped.swapAt(index, index + 1)
            tried += 1
            #expect(throws: Bech32mError.invalidChecksum) {
                _ = try Address(bech32m: String(decoding: swapped, as: UTF8.self), network: .test)
            }
        }
        #expect(tried > 30)
    }

    @Test("an address for one network is refused by the other")
    func wrongNetworkIsRejected() throws {
        let address = try #require(Self.counting)
        #expect(throws: Bech32mError.wrongPrefix(expected: "tfolio", found: "folio")) {
            _ = try Address(bech32m: address.bech32m(on: .main), network: .test)
        }
        #expect(throws: Bech32mError.wrongPrefix(expected: "folio", found: "tfolio")) {
            _ = try Address(bech32m: address.bech32m(on: .test), network: .main)
        }
    }

    @Test("a valid bech32m string with another prefix is not a Folio address")
    func unknownPrefixIsRejected() throws {
        let text = try Bech32m.encode(humanReadablePart: "bc", data: Bech32m.groups(fromBytes: Array(0..<20)))
        #expect(throws: Bech32mError.unknownPrefix("bc")) { _ = try Address.parse(bech32m: text) }
    }

    @Test("a data part that is not 20 bytes is rejected", arguments: [0, 31, 33, 52])
    func wrongLengthIsRejected(groupCount: Int) throws {
        let text = try Bech32m.encode(humanReadablePart: "folio", data: [UInt8](repeating: 3, count: groupCount))
        #expect(throws: Bech32mError.wrongDataLength(expected: 32, actual: groupCount)) {
            _ = try Address(bech32m: text, network: .main)
        }
    }

    @Test("text over 90 characters is rejected before anything else")
    func overNinetyCharactersIsRejected() {
        let text = "folio1" + String(repeating: "q", count: 85)
        #expect(throws: Bech32mError.tooLong(length: 91)) { _ = try Address(bech32m: text, network: .main) }
    }

    @Test("an address is 20 raw bytes in canonical form")
    func canonicalBytesAreRaw() throws {
        let address = try #require(Self.counting)
        expectCanonical(address, hex: "000102030405060708090a0b0c0d0e0f10111213")
        expectTruncationAlwaysThrows(address.canonicalBytes, decode: Address.self)
    }
}
