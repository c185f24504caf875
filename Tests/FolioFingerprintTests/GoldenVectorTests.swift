import FolioCore
import Testing
@testable import FolioFingerprint

/// Golden vectors for the shipped model: fixed inputs of each medium → exact codes.
///
/// Unlike every other expected value in these tests, the codes below were recorded from the
/// model's own output when the model was trained; they cannot be worked out by hand. They pin
/// determinism: any change to readers, features, tables, inference or the model file changes
/// them, and a debug and a release build must both reproduce them.
@Suite struct GoldenVectorTests {
    static func model() throws -> FingerprintModel {
        let id = try #require(Hash256(hex: FingerprintModel.shippedIDHex))
        return try FingerprintModel.shipped(expectedID: id)
    }

    /// Two seconds of two tones (440 Hz and 1 kHz at 16 kHz, stereo with the second channel
    /// at half level), built from the integer sine so the input itself is exact.
    static func goldenWAV() -> [UInt8] {
        let count = 32000
        let a = (0..<count).map { n -> Int16 in
            let v = (FixedMath.sinQ30(7 * n, 256) * 9000 + FixedMath.sinQ30(16 * n, 256) * 5000) >> 30
            return Int16(v)
        }
        return TestFiles.wav16(a.flatMap { [$0, $0 / 2] }, channels: 2, rate: 16000)
    }

    static func goldenPGM() -> [UInt8] {
        let w = 64, h = 48
        let pixels = (0..<w * h).map { i -> UInt8 in
            let x = i % w, y = i / w
            return UInt8((x * 3 + y * 5 + (x / 8 + y / 8) % 2 * 90) % 256)
        }
        return Array("P5 \(w) \(h) 255\n".utf8) + pixels
    }

    static let goldenText = """
        Folio registers works by what they are, not by what they are called. A copy with a few
        words changed, a new line length or different capitals should still be recognised.
        """

    static func input(_ name: String) throws -> [UInt8] {
        switch name {
        case "tones.wav": return goldenWAV()
        case "pattern.pgm": return goldenPGM()
        case "paragraph.txt": return Array(goldenText.utf8)
        default: return try TestFiles.vector(name)
        }
    }

    static let golden: [(String, String)] = [
        ("tones.wav", "bf70ed6e7d4265f9854ebcea4af03658be4edd32938f3bd731352ff902c7a244"),
        ("pattern.pgm", "1104aec2fec4c0363d6f69440c7f8d5e4be30ac71022347462259dfa6e7b7d58"),
        ("gradient.png", "04b1b81811acbfe453767a17eee02169b22c96e7702d50f7d65e1dfc66a34a6a"),
        ("flat-colour.jpg", "14b1bb1819acbee426766a175166d50aef9b599551e2635af450a0d745762330"),
        ("paragraph.txt", "7de992f08bf9011e7cbf6628f8c4d9e2a65560f3d82652b76e32b4993a8e6159"),
    ]

    @Test(arguments: golden)
    func shippedModelGivesTheRecordedCode(name: String, hex: String) throws {
        let identity = try Fingerprinter(model: try Self.model()).identify(try Self.input(name), file: name)
        #expect(HexCoding.encode(identity.fingerprint.bytes) == hex)
    }

    /// The image and text encoders pool over 8 segments (an image's 16 steps two by two; text
    /// steps in hash order, feature revision 2, so hash ranges), each segment's mean input
    /// beside its mean hidden state; audio keeps the one mean of hidden states (the bytes 0 of
    /// every earlier file), which is why its code above did not change when the others did.
    @Test func shippedModelPoolsImagesAndTextOverSegmentsAndInputs() throws {
        let model = try Self.model()
        for medium in [Medium.image, .text] {
            #expect(model.encoders[medium]?.weights.poolingSegments == 8)
            #expect(model.encoders[medium]?.weights.poolsInputs == true)
            #expect(model.encoders[medium]?.weights.pooledWidth == 8 * (32 + 16))
        }
        #expect(model.encoders[.text]?.weights.featureRevision == 2)
        #expect(model.encoders[.audio]?.weights.poolingSegments == 0)
        #expect(model.encoders[.audio]?.weights.poolsInputs == false)
    }

    /// The shipped image encoder's first 96 bits each read one pooled DCT coefficient: a row
    /// with a single nonzero weight, on the input means (after the 8 × 32 hidden means), and
    /// taken lowest frequency first (an image segment s holds DCT rows 2s and 2s + 1, so the
    /// mean at segment s, column t has frequency 2s + t). Segment 0, column 0 is read too: DC
    /// is dropped, but that mean is half of coefficient (1, 0). The other 160 rows are drawn
    /// hyperplanes, which read the hidden means too.
    @Test func shippedImageEncoderReadsNinetySixSingleCoefficients() throws {
        let weights = try #require(try Self.model().encoders[.image]?.weights)
        let width = weights.pooledWidth, hiddenPart = 8 * 32
        var previous = (frequency: -1, segment: -1)
        for b in 0..<96 {
            let row = weights.projection[(b * width)..<((b + 1) * width)]
            let nonzero = row.indices.filter { row[$0] != 0 }.map { $0 - b * width }
            try #require(nonzero.count == 1, "row \(b) has \(nonzero.count) nonzero weights")
            let position = nonzero[0] - hiddenPart
            #expect(position >= 0, "row \(b) reads a hidden mean")
            let cell = (frequency: 2 * (position / 16) + position % 16, segment: position / 16)
            #expect(cell.frequency > previous.frequency
                    || (cell.frequency == previous.frequency && cell.segment > previous.segment), "row \(b) out of order")
            previous = cell
        }
        for b in 96..<256 {
            let row = weights.projection[(b * width)..<((b + 1) * width)]
            #expect(row.prefix(hiddenPart).contains { $0 != 0 }, "row \(b) is not a drawn hyperplane")
        }
    }

    @Test func shippedModelIdIsTheRecordedHash() throws {
        #expect(try Self.model().id == Hash256(hex: FingerprintModel.shippedIDHex))
    }

    @Test func aQuieterCopyOfTheGoldenWAVStaysNear() throws {
        let fingerprinter = Fingerprinter(model: try Self.model())
        let loud = try fingerprinter.identify(Self.goldenWAV(), file: "a").fingerprint
        let wav = Self.goldenWAV()
        // Halve every 16-bit sample after the 44-byte header.
        var quiet = wav
        for i in stride(from: 44, to: wav.count, by: 2) {
            let v = Int16(bitPattern: UInt16(wav[i]) | UInt16(wav[i + 1]) << 8) / 2
            quiet[i] = UInt8(truncatingIfNeeded: v)
            quiet[i + 1] = UInt8(truncatingIfNeeded: v >> 8)
        }
        let soft = try fingerprinter.identify(quiet, file: "b").fingerprint
        #expect(loud.distance(to: soft) <= 16)
    }

    @Test func rewrappedRecasedTextHasTheSameCode() throws {
        let fingerprinter = Fingerprinter(model: try Self.model())
        let a = try fingerprinter.identify(Array(Self.goldenText.utf8), file: "a").fingerprint
        let b = try fingerprinter.identify(Array(Self.goldenText.uppercased().split(separator: "\n").joined(separator: " ").utf8), file: "b")
        #expect(a == b.fingerprint)
    }

    @Test func unreadableInputIsAnInputErrorNamingTheFile() throws {
        #expect(throws: FingerprintError.input(FingerprintInputError(file: "x.bin", problem: .unknownFormat))) {
            try Fingerprinter(model: try Self.model()).identify([0, 1, 2], file: "x.bin")
        }
    }
}
