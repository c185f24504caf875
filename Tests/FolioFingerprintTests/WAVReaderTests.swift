import Testing
@testable import FolioFingerprint

@Suite struct WAVReaderTests {
    typealias F = TestFiles

    func audio(_ bytes: [UInt8]) throws -> PCMAudio {
        guard case let .audio(audio) = try MediaDecoder.decode(bytes, file: "t.wav") else {
            throw InputProblem.unknownFormat
        }
        return audio
    }

    @Test func sixteenBitMonoSamplesAreReadAsWritten() throws {
        let a = try audio(F.wav16([0, 1, -1, 32767, -32768], rate: 44100))
        #expect(a.samples == [0, 1, -1, 32767, -32768])
        #expect(a.sampleRate == 44100 && a.channels == 1 && a.frameCount == 5)
    }

    @Test func stereoStaysInterleaved() throws {
        let a = try audio(F.wav16([10, -10, 20, -20], channels: 2))
        #expect(a.samples == [10, -10, 20, -20] && a.channels == 2 && a.frameCount == 2)
    }

    @Test func eightBitIsUnsignedAroundOneHundredTwentyEight() throws {
        let a = try audio(F.wav(F.chunk("fmt ", F.fmt(bits: 8)) + F.chunk("data", [0x80, 0xFF, 0x00])))
        #expect(a.samples == [0, 127 * 256, -32768])
    }

    @Test func twentyFourBitKeepsTheTopSixteenBitsWithFloor() throws {
        // 0x123456 → 0x1234; −1 (0xFFFFFF) floors to −1; 0x800000 is the most negative.
        let data: [UInt8] = [0x56, 0x34, 0x12, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x80]
        let a = try audio(F.wav(F.chunk("fmt ", F.fmt(bits: 24)) + F.chunk("data", data)))
        #expect(a.samples == [0x1234, -1, -32768])
    }

    static let floatCases: [(UInt32, Int16)] = [
        (0x3F00_0000, 16384),                  // 0.5
        (0x3E80_0000, 8192),                   // 0.25
        (0xBF80_0000, -32768),                 // −1.0
        (0x3F80_0000, 32767),                  // 1.0 clamps to the top value
        (0x4000_0000, 32767),                  // 2.0 clamps
        (0x7FC0_0000, 0),                      // NaN
        (0x0000_0001, 0),                      // smallest subnormal
        (0x3800_0000, 1),                      // 2^−15: exactly one step
    ]

    @Test(arguments: floatCases)
    func floatSamplesScaleBy32768TowardZero(bits: UInt32, expected: Int16) throws {
        let a = try audio(F.wav(F.chunk("fmt ", F.fmt(tag: 3, bits: 32)) + F.chunk("data", F.le32(Int(bits)))))
        #expect(a.samples == [expected])
    }

    @Test func extensibleFormatUsesTheSubFormatTag() throws {
        let ext = F.fmt(tag: 0xFFFE) + F.le16(22) + F.le16(16) + F.le32(4) + F.le16(1) + [UInt8](repeating: 0, count: 14)
        let a = try audio(F.wav(F.chunk("fmt ", ext) + F.chunk("data", F.le16(300))))
        #expect(a.samples == [300])
    }

    @Test func unknownChunksWithOddSizesAreSkippedWithTheirPadding() throws {
        let a = try audio(F.wav(F.chunk("LIST", [1, 2, 3]) + F.chunk("fmt ", F.fmt()) + F.chunk("junk", [9])
            + F.chunk("data", F.le16(7))))
        #expect(a.samples == [7])
    }

    static let broken: [(String, [UInt8], InputProblem)] = [
        ("RIFF size beyond the file", F.wav(F.chunk("fmt ", F.fmt()) + F.chunk("data", [0, 0]), riffSize: 1000),
         .truncated("RIFF declares 1000 bytes but 38 follow")),
        ("chunk size beyond the file", F.wav(F.chunk("fmt ", F.fmt()) + Array("data".utf8) + F.le32(64) + [0, 0]),
         .truncated("chunk 'data' declares 64 bytes but 2 remain")),
        ("no fmt chunk", F.wav(F.chunk("LIST", [0, 0])), .corrupt("no fmt chunk")),
        ("data before fmt", F.wav(F.chunk("data", [0, 0]) + F.chunk("fmt ", F.fmt())),
         .corrupt("data chunk comes before the fmt chunk")),
        ("ADPCM", F.wav(F.chunk("fmt ", F.fmt(tag: 2)) + F.chunk("data", [0, 0])),
         .unsupported("WAV encoding 2 (only PCM and IEEE float)")),
        ("three channels", F.wav(F.chunk("fmt ", F.fmt(channels: 3)) + F.chunk("data", [0, 0, 0, 0, 0, 0])),
         .unsupported("3 channels (only mono or stereo)")),
        ("12-bit", F.wav(F.chunk("fmt ", F.fmt(bits: 12, blockAlign: 2)) + F.chunk("data", [0, 0])),
         .unsupported("12-bit PCM samples")),
        ("block align lies", F.wav(F.chunk("fmt ", F.fmt(blockAlign: 4)) + F.chunk("data", [0, 0, 0, 0])),
         .corrupt("block align 4 does not match 1 × 16-bit samples")),
        ("half a sample", F.wav(F.chunk("fmt ", F.fmt()) + F.chunk("data", [0, 0, 0])),
         .truncated("data chunk ends inside a sample frame")),
        ("empty data", F.wav(F.chunk("fmt ", F.fmt()) + F.chunk("data", [])), .corrupt("data chunk holds no samples")),
        ("short fmt", F.wav(F.chunk("fmt ", [1, 0, 1, 0])), .truncated("fmt chunk")),
        ("sample rate zero", F.wav(F.chunk("fmt ", F.fmt(rate: 0)) + F.chunk("data", [0, 0])),
         .unsupported("sample rate 0 Hz")),
    ]

    @Test(arguments: broken)
    func corruptOrUnsupportedWAVGivesItsReason(name: String, bytes: [UInt8], expected: InputProblem) {
        #expect(throws: FingerprintInputError(file: "song.wav", problem: expected), "\(name)") {
            try MediaDecoder.decode(bytes, file: "song.wav")
        }
    }

    @Test func errorTextNamesTheFile() {
        let error = FingerprintInputError(file: "song.wav", problem: .corrupt("no fmt chunk"))
        #expect(error.description == "song.wav: the file is corrupt: no fmt chunk")
    }

    @Test func everyPrefixOfAValidFileIsRejectedWithoutTrapping() {
        let whole = F.wav16([1, 2, 3, 4])
        for length in 12..<whole.count {
            #expect(throws: FingerprintInputError.self) { try MediaDecoder.decode(Array(whole.prefix(length)), file: "x") }
        }
    }
}
