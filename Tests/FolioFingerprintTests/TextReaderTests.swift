import Testing
@testable import FolioFingerprint

@Suite struct TextAndSniffingTests {
    @Test func utf8TextIsTextAndALeadingBOMIsDropped() throws {
        #expect(try MediaDecoder.decode([0xEF, 0xBB, 0xBF] + Array("héllo".utf8), file: "a.txt") == .text("héllo"))
    }

    @Test func invalidUTF8AfterAValidStartNamesTheOffset() {
        let bytes = Array("ok".utf8) + [0xC3, 0x28]
        #expect(throws: FingerprintInputError(file: "a.txt", problem: .unknownFormat)) {
            try MediaDecoder.decode(bytes, file: "a.txt")
        }
        #expect(throws: InputProblem.corrupt("invalid UTF-8 at byte 5")) {
            try TextReader.read([0xEF, 0xBB, 0xBF] + Array("ok".utf8) + [0xC3, 0x28])
        }
    }

    @Test func longTextWithABadByteLateIsCorruptText() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 5000) + [0xFF]
        #expect(throws: FingerprintInputError(file: "b", problem: .corrupt("invalid UTF-8 at byte 5000"))) {
            try MediaDecoder.decode(bytes, file: "b")
        }
    }

    static let notMedia: [([UInt8], InputProblem)] = [
        ([], .empty),
        ([0, 1, 2, 3], .unknownFormat),
        (Array("RIFF\u{4}\0\0\0AVI ".utf8), .unsupported("RIFF file that is not WAVE")),
    ]

    @Test(arguments: notMedia)
    func bytesThatAreNoKnownMediumAreRejected(bytes: [UInt8], expected: InputProblem) {
        #expect(throws: FingerprintInputError(file: "f", problem: expected)) { try MediaDecoder.decode(bytes, file: "f") }
    }

    @Test func textStartingLikeANetpbmMagicWithoutSpaceIsText() throws {
        #expect(try MediaDecoder.decode(Array("P5x is a name".utf8), file: "t") == .text("P5x is a name"))
    }
}
