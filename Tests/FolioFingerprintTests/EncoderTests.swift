import Foundation
import FolioCore
import Testing
@testable import FolioFingerprint

func makeWeights(_ parts: EncoderWeightsParts, hidden: Int, poolingSegments: UInt8 = 0,
                 poolsInputs: Bool = false) throws -> EncoderWeights {
    try EncoderWeights(inputSize: 16, hiddenSize: hidden, inputWeights: parts[0], recurrentWeights: parts[1],
                       gateBias: parts[2], projection: parts[3], projectionBias: parts[4], poolingSegments: poolingSegments,
                       poolsInputs: poolsInputs)
}

@Suite struct ActivationTableTests {
    // Expected values: σ(x) = 1/(1+e^−x) and tanh(x), times 4096, rounded.
    @Test(arguments: [(0, 2048), (64, 2994), (-64, 1102), (128, 3608), (511, 4095), (-512, 1)])
    func sigmoidEntriesAreTheRoundedFunction(stepsOf64th: Int, expected: Int32) {
        #expect(abs(ActivationTables.sigmoid[ActivationTables.zero + stepsOf64th] - expected) <= 1)
    }

    @Test(arguments: [(0, 0), (32, 1893), (-32, -1893), (64, 3119), (256, 4093)])
    func tanhEntriesAreTheRoundedFunction(stepsOf64th: Int, expected: Int32) {
        #expect(abs(ActivationTables.tanh[ActivationTables.zero + stepsOf64th] - expected) <= 1)
    }

    @Test func tablesNeverDecrease() {
        for i in 1..<ActivationTables.count {
            #expect(ActivationTables.sigmoid[i] >= ActivationTables.sigmoid[i - 1])
            #expect(ActivationTables.tanh[i] >= ActivationTables.tanh[i - 1])
        }
    }

    @Test func indexRoundsToTheNearest64thAndClamps() {
        #expect(ActivationTables.index(0) == 512)
        #expect(ActivationTables.index(31) == 512 && ActivationTables.index(32) == 513)
        #expect(ActivationTables.index(-1 << 40) == 0 && ActivationTables.index(1 << 40) == 1023)
    }
}

@Suite struct LSTMEncoderTests {
    @Test func withOnlyProjectionBiasesTheBitsAreTheirSigns() throws {
        var rng = TestRandom(seed: 7)
        var parts = try rng.weights(hidden: 4, scale: 0)
        parts[4] = (0..<256).map { _ in rng.int16(-100...100) }
        let encoder = LSTMEncoder(weights: try makeWeights(parts, hidden: 4))
        let code = encoder.code(FeatureSequence(values: [Int16](repeating: 1000, count: 48)))
        for bit in 0..<256 {
            #expect((code[bit / 8] >> UInt8(bit % 8)) & 1 == (parts[4][bit] > 0 ? 1 : 0))
        }
    }

    /// The same LSTM in Double with the textbook formulas, as an independent reference; the
    /// hidden states are averaged over `w.segments` runs of steps, run s being steps
    /// ⌊s·steps/S⌋ ..< ⌊(s+1)·steps/S⌋.
    func reference(_ w: EncoderWeights, _ x: [Double], steps: Int) -> [Double] {
        let n = w.hiddenSize, segments = w.segments
        func q(_ v: Int16) -> Double { Double(v) / 4096 }
        var h = [Double](repeating: 0, count: n), c = h
        var sums = [Double](repeating: 0, count: segments * n), lengths = [Double](repeating: 0, count: segments)
        for t in 0..<steps {
            let segment = (0..<segments).last { $0 * steps / segments <= t } ?? 0
            var z = [Double](repeating: 0, count: 4 * n)
            for r in 0..<4 * n {
                z[r] = q(w.gateBias[r])
                for j in 0..<16 { z[r] += q(w.inputWeights[r * 16 + j]) * x[t * 16 + j] }
                for j in 0..<n { z[r] += q(w.recurrentWeights[r * n + j]) * h[j] }
            }
            for k in 0..<n {
                let i = 1 / (1 + exp(-z[k])), f = 1 / (1 + exp(-z[n + k])), g = Foundation.tanh(z[2 * n + k])
                let o = 1 / (1 + exp(-z[3 * n + k]))
                c[k] = f * c[k] + i * g
                h[k] = o * Foundation.tanh(c[k])
                sums[segment * n + k] += h[k]
            }
            lengths[segment] += 1
        }
        let pooled = (0..<segments * n).map { sums[$0] / max(1, lengths[$0 / n]) }
        return (0..<256).map { b in
            q(w.projectionBias[b]) + (0..<segments * n).reduce(0.0) { $0 + q(w.projection[b * segments * n + $1]) * pooled[$1] }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func fixedPointInferenceTracksAFloatingPointLSTM(seed: UInt64) throws {
        var rng = TestRandom(seed: seed)
        let hidden = 32
        let w = try makeWeights(try rng.weights(hidden: hidden, scale: 1200), hidden: hidden)
        let steps = 40
        let values = (0..<steps * 16).map { _ in rng.int16(-8000...8000) }
        expectTracksReference(w, values: values, steps: steps)
    }

    @Test(arguments: [(UInt64(4), 4, 40), (5, 8, 40), (6, 16, 16), (7, 3, 10)])
    func segmentPooledInferenceTracksAFloatingPointLSTM(seed: UInt64, segments: Int, steps: Int) throws {
        var rng = TestRandom(seed: seed)
        let hidden = 32
        var parts = try rng.weights(hidden: hidden, scale: 1200)
        parts[3] = (0..<256 * segments * hidden).map { _ in rng.int16(-1200...1200) }
        let w = try makeWeights(parts, hidden: hidden, poolingSegments: UInt8(segments))
        let values = (0..<steps * 16).map { _ in rng.int16(-8000...8000) }
        expectTracksReference(w, values: values, steps: steps)
    }

    /// Fixed-point projections within 0.05 of a Float64 LSTM's, and at least 250 of the 256
    /// signs the same.
    func expectTracksReference(_ w: EncoderWeights, values: [Int16], steps: Int) {
        let got = LSTMEncoder(weights: w).projections(FeatureSequence(values: values)).map { Double($0) / 16_777_216.0 }
        let want = reference(w, values.map { Double($0) / 4096 }, steps: steps)
        var agree = 0
        for (a, b) in zip(got, want) {
            #expect(abs(a - b) < 0.05, "fixed \(a) vs float \(b)")
            if (a > 0) == (b > 0) { agree += 1 }
        }
        #expect(agree >= 250)
    }
}

@Suite struct ModelFileTests {
    func sampleFile(hidden: Int = 3) throws -> [UInt8] {
        var rng = TestRandom(seed: 11)
        var encoders: [Medium: EncoderWeights] = [:]
        for m in Medium.allCases { encoders[m] = try makeWeights(try rng.weights(hidden: hidden, scale: 3000), hidden: hidden) }
        return try ModelFile.encode(encoders)
    }

    @Test func fileSizeIsHeaderPlusThreeEncoders() throws {
        // hidden 3: 4·3·16 + 4·3·3 + 4·3 + 256·3 + 256 = 192 + 36 + 12 + 768 + 256 = 1264 values.
        #expect(try sampleFile().count == 20 + 3 * (4 + 2 * 1264))
    }

    @Test func encodeThenDecodeGivesTheSameWeights() throws {
        let bytes = try sampleFile()
        #expect(try ModelFile.encode(try ModelFile.decode(bytes)) == bytes)
    }

    @Test func modelIdIsTheSHA256OfTheFile() throws {
        let bytes = try sampleFile()
        #expect(try FingerprintModel(fileBytes: bytes).id == SHA256.hash(bytes))
    }

    @Test func aFileWhoseHashIsNotTheExpectedIdIsRefused() throws {
        var bytes = try sampleFile()
        let id = SHA256.hash(bytes)
        bytes[100] ^= 1
        #expect(throws: ModelError.idMismatch(expected: "\(id)", actual: "\(SHA256.hash(bytes))")) {
            try FingerprintModel(fileBytes: bytes, expectedID: id)
        }
    }

    @Test func everyTruncationIsAnErrorNeverATrap() throws {
        let bytes = try sampleFile(hidden: 1)
        // Every header length, then a stride through the weights, then the last few bytes.
        let lengths = Array(0..<40) + Array(stride(from: 40, to: bytes.count, by: 37)) + Array(bytes.count - 8..<bytes.count)
        for length in lengths {
            #expect(throws: ModelError.self) { try ModelFile.decode(Array(bytes.prefix(length))) }
        }
    }

    static let damages: [(Int, UInt8, ModelError)] = [
        (0, UInt8(ascii: "X"), .badMagic),
        (8, 2, .unsupportedVersion(2)),
        (10, 8, .invalidShape("input size 8, features have 16")),
        (12, 0, .invalidShape("hidden size 0 not in 1...256")),
        (16, 8, .invalidShape("weight fraction bits 8, expected 12")),
        (17, 2, .media("2 encoders, expected 3")),
        (18, 1, .invalidShape("reserved header bytes are not zero")),
        (20, 7, .media("unknown medium tag 7")),
        (20, 1, .media("two image encoders")),
        // The audio encoder's feature revision: audio has only revision 0.
        (21, 1, .unsupportedFeatureRevision(medium: "audio", revision: 1)),
        // The audio encoder's pooling segments (0...16), then its input pooling (0 or 1).
        (22, 17, .invalidShape("audio pooling segments 17 not in 0...16")),
        (23, 2, .invalidShape("audio input pooling 2 is neither 0 nor 1")),
    ]

    @Test(arguments: damages)
    func damagedHeadersAreRefusedWithTheirReason(offset: Int, value: UInt8, expected: ModelError) throws {
        var bytes = try sampleFile()
        bytes[offset] = value
        #expect(throws: expected) { try ModelFile.decode(bytes) }
    }

    @Test func featureRevisionsRoundTripAndAreCheckedPerMedium() throws {
        var bytes = try sampleFile(hidden: 1)
        let encoderBytes = 4 + 2 * EncoderWeights.arrayCounts(input: 16, hidden: 1).reduce(0, +)
        let textRevision = 20 + 2 * encoderBytes + 1  // audio, image, text in file order
        #expect(bytes[textRevision - 1] == Medium.text.rawValue)
        for revision: UInt8 in [1, 2] {
            bytes[textRevision] = revision
            let decoded = try ModelFile.decode(bytes)
            #expect(decoded[.text]?.featureRevision == revision)
            #expect(decoded[.audio]?.featureRevision == 0)
            #expect(try ModelFile.encode(decoded) == bytes)
            #expect(try FingerprintModel(fileBytes: bytes).featureRevision(.text) == revision)
        }
        bytes[textRevision] = 3
        #expect(throws: ModelError.unsupportedFeatureRevision(medium: "text", revision: 3)) { try ModelFile.decode(bytes) }
    }

    @Test func trailingBytesAreRefused() throws {
        #expect(throws: ModelError.trailingBytes(1)) { try ModelFile.decode(try sampleFile() + [0]) }
    }

}
