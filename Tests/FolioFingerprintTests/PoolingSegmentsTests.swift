import FolioCore
import Testing
@testable import FolioFingerprint

/// Segment pooling: the bounds worked out by hand, an encoder whose bits can be read off the
/// signs of its inputs, and the model file's pooling-segments byte.
@Suite struct PoolingSegmentsTests {
    // Bounds ⌊s·T/S⌋ for s = 0…S, by hand.
    static let bounds: [(steps: Int, segments: Int, bounds: [Int])] = [
        (16, 1, [0, 16]),
        (16, 4, [0, 4, 8, 12, 16]),
        (10, 4, [0, 2, 5, 7, 10]),        // 0, 10/4 = 2, 20/4 = 5, 30/4 = 7, 10
        (3, 8, [0, 0, 0, 1, 1, 1, 2, 2, 3]),  // 3/8 = 0, 6/8 = 0, 9/8 = 1, 12/8 = 1, 15/8 = 1, 18/8 = 2, 21/8 = 2
        (2, 4, [0, 0, 1, 1, 2]),
        (1, 2, [0, 0, 1]),
        (0, 4, [0, 0, 0, 0, 0]),
        (0, 1, [0, 0]),
    ]

    @Test(arguments: bounds)
    func boundsAreTheFloorOfSTimesTOverS(steps: Int, segments: Int, bounds: [Int]) {
        #expect(PoolingSegments.bounds(steps: steps, segments: segments) == bounds)
    }

    // Each step's segment, by hand from the bounds above: step t is in the segment s with
    // bounds[s] ≤ t < bounds[s + 1], which skips the empty ones.
    static let stepSegments: [(steps: Int, segments: Int, ofStep: [Int])] = [
        (16, 4, [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]),
        (10, 4, [0, 0, 1, 1, 1, 2, 2, 3, 3, 3]),
        (3, 8, [2, 5, 7]),
        (2, 4, [1, 3]),
        (1, 2, [1]),
        (0, 4, []),
        (5, 1, [0, 0, 0, 0, 0]),
    ]

    @Test(arguments: stepSegments)
    func everyStepFallsInItsSegment(steps: Int, segments: Int, ofStep: [Int]) {
        #expect(PoolingSegments.segmentOfStep(steps: steps, segments: segments) == ofStep)
    }

    /// hidden 1, whose h_t has the sign of x_t[0] whatever came before: input and output gates
    /// open (bias +7.99, σ ≈ 1), forget gate shut (bias −8, σ ≈ 1/4096), cell candidate
    /// tanh(4·x_t[0]) with x_t[0] = ±1, so h_t ≈ ±tanh(tanh 4) ≈ ±0.76. Rows b = 0…S−1 of the
    /// projection read segment b's mean with bias 0 (bit set only if that mean is positive);
    /// rows S…2S−1 read the same mean with bias +0.1, so an empty segment (mean 0) sets those
    /// and not the first. Every other row is zero with bias −1 (bit clear).
    func signEncoder(segments: Int) throws -> LSTMEncoder {
        var inputWeights = [Int16](repeating: 0, count: 4 * 16)
        inputWeights[2 * 16] = 4 * 4096  // cell candidate row, feature 0
        let gateBias: [Int16] = [32767, -32768, 0, 32767]
        var projection = [Int16](repeating: 0, count: 256 * segments)
        var projectionBias = [Int16](repeating: -4096, count: 256)
        for s in 0..<segments {
            projection[s * segments + s] = 4096
            projectionBias[s] = 0
            projection[(segments + s) * segments + s] = 4096
            projectionBias[segments + s] = 410
        }
        return LSTMEncoder(weights: try EncoderWeights(
            inputSize: 16, hiddenSize: 1, inputWeights: inputWeights, recurrentWeights: [0, 0, 0, 0], gateBias: gateBias,
            projection: projection, projectionBias: projectionBias, poolingSegments: UInt8(segments)))
    }

    func bits(_ encoder: LSTMEncoder, signs: [Int16], count: Int) -> [Int] {
        var values = [Int16](repeating: 0, count: 16 * signs.count)
        for (t, sign) in signs.enumerated() { values[16 * t] = sign * 4096 }
        let code = encoder.code(FeatureSequence(values: values))
        return (0..<count).map { Int(code[$0 / 8] >> UInt8($0 % 8)) & 1 }
    }

    @Test func eachSegmentsMeanReachesItsOwnProjection() throws {
        let encoder = try signEncoder(segments: 4)
        // 10 steps: segments {0, 1}, {2, 3, 4}, {5, 6}, {7, 8, 9}.
        let signs: [Int16] = [1, 1, -1, -1, 1, 1, 1, -1, 1, -1]
        // Means: +, − (two of three negative), +, − (two of three negative).
        #expect(bits(encoder, signs: signs, count: 10) == [1, 0, 1, 0, 1, 0, 1, 0, 0, 0])
        // Sixteen steps (an image), four to a segment: + + + +, − − − +, + − + +, − − − −.
        let image: [Int16] = [1, 1, 1, 1, -1, -1, -1, 1, 1, -1, 1, 1, -1, -1, -1, -1]
        #expect(bits(encoder, signs: image, count: 8) == [1, 0, 1, 0, 1, 0, 1, 0])
    }

    @Test func fewerStepsThanSegmentsLeaveEmptySegmentsAtZero() throws {
        let encoder = try signEncoder(segments: 4)
        // Two steps: step 0 in segment 1, step 1 in segment 3; segments 0 and 2 are empty.
        #expect(bits(encoder, signs: [1, -1], count: 8) == [0, 1, 0, 0, 1, 1, 1, 0])
        #expect(bits(encoder, signs: [-1, 1], count: 8) == [0, 0, 0, 1, 1, 0, 1, 1])
        // No steps at all: every segment empty, nothing divided, no trap.
        #expect(bits(encoder, signs: [], count: 8) == [0, 0, 0, 0, 1, 1, 1, 1])
        // Three steps over eight segments: steps in segments 2, 5 and 7.
        let eight = try signEncoder(segments: 8)
        #expect(bits(eight, signs: [1, 1, -1], count: 16)
            == [0, 0, 1, 0, 0, 1, 0, 0] + [1, 1, 1, 1, 1, 1, 1, 0])
    }

    @Test func oneSegmentIsTheMeanOverAllSteps() throws {
        // The same weights with the byte 0, 1 or absent give the same projections.
        var rng = TestRandom(seed: 31)
        let parts = try rng.weights(hidden: 6, scale: 3000)
        let values = (0..<16 * 23).map { _ in rng.int16(-8000...8000) }
        let zero = LSTMEncoder(weights: try makeWeights(parts, hidden: 6, poolingSegments: 0))
        let one = LSTMEncoder(weights: try makeWeights(parts, hidden: 6, poolingSegments: 1))
        #expect(zero.projections(FeatureSequence(values: values)) == one.projections(FeatureSequence(values: values)))
    }

    @Test func weightsRefuseTooManySegmentsAndAProjectionOfTheWrongSize() throws {
        var rng = TestRandom(seed: 32)
        var parts = try rng.weights(hidden: 2, scale: 100)
        #expect(throws: ModelError.invalidShape("pooling segments 17 not in 0...16")) {
            try makeWeights(parts, hidden: 2, poolingSegments: 17)
        }
        // 256 × 1 × 2 projection values where 4 segments need 256 × 4 × 2.
        #expect(throws: ModelError.invalidShape("projection has 512 values, expected 2048")) {
            try makeWeights(parts, hidden: 2, poolingSegments: 4)
        }
        parts[3] = [Int16](repeating: 1, count: 2048)
        #expect(try makeWeights(parts, hidden: 2, poolingSegments: 4).segments == 4)
    }
}

@Suite struct ModelFileSegmentTests {
    /// Audio and text with the old byte 0, image with `imageSegments`; hidden 3.
    func file(imageSegments: UInt8) throws -> [UInt8] {
        var rng = TestRandom(seed: 12)
        var encoders: [Medium: EncoderWeights] = [:]
        for m in Medium.allCases {
            var parts = try rng.weights(hidden: 3, scale: 3000)
            let segments = m == .image ? imageSegments : 0
            parts[3] = (0..<256 * max(1, Int(segments)) * 3).map { _ in rng.int16(-3000...3000) }
            encoders[m] = try makeWeights(parts, hidden: 3, poolingSegments: segments)
        }
        return try ModelFile.encode(encoders)
    }

    /// Byte offset of the image encoder's pooling-segments byte: header 20, then the audio
    /// encoder (4 + 2 × 1,264 bytes at hidden 3: 192 + 36 + 12 + 768 + 256 values), tag, revision.
    static let imageSegmentsOffset = 20 + 4 + 2 * 1264 + 2

    @Test func segmentsRoundTripAndSizeTheProjection() throws {
        let bytes = try file(imageSegments: 4)
        // The image projection is 256 × 4 × 3 = 3,072 values instead of 768.
        #expect(bytes.count == 20 + 3 * (4 + 2 * 1264) + 2 * (3072 - 768))
        #expect(bytes[Self.imageSegmentsOffset - 2] == Medium.image.rawValue)
        #expect(bytes[Self.imageSegmentsOffset] == 4)
        let decoded = try ModelFile.decode(bytes)
        #expect(decoded[.image]?.segments == 4 && decoded[.image]?.projection.count == 3072)
        #expect(decoded[.audio]?.poolingSegments == 0 && decoded[.text]?.poolingSegments == 0)
        #expect(try ModelFile.encode(decoded) == bytes)
    }

    @Test func aStoredOneReadsAsOneMeanAndKeepsItsBytes() throws {
        var bytes = try file(imageSegments: 0)
        let zero = try FingerprintModel(fileBytes: bytes)
        bytes[Self.imageSegmentsOffset] = 1
        let decoded = try ModelFile.decode(bytes)
        #expect(decoded[.image]?.poolingSegments == 1 && decoded[.image]?.segments == 1)
        #expect(try ModelFile.encode(decoded) == bytes)
        let one = try FingerprintModel(fileBytes: bytes)
        #expect(zero.id != one.id)
        var rng = TestRandom(seed: 13)
        let features = FeatureSequence(values: (0..<16 * 16).map { _ in rng.int16(-8000...8000) })
        #expect(try zero.fingerprint(features, medium: .image) == one.fingerprint(features, medium: .image))
    }

    @Test(arguments: [UInt8(17), 64, 255])
    func tooManySegmentsAreRefusedByName(value: UInt8) throws {
        var bytes = try file(imageSegments: 0)
        bytes[Self.imageSegmentsOffset] = value
        #expect(throws: ModelError.invalidShape("image pooling segments \(value) not in 0...16")) { try ModelFile.decode(bytes) }
    }

    @Test func aSegmentCountTheArraysDoNotMatchIsAnErrorNeverATrap() throws {
        // The image arrays are sized for one segment; claiming 2…16 misreads the rest of the
        // file, which must end in an error (truncated, a bad tag or trailing bytes).
        for value in UInt8(2)...16 {
            var bytes = try file(imageSegments: 0)
            bytes[Self.imageSegmentsOffset] = value
            #expect(throws: ModelError.self) { try ModelFile.decode(bytes) }
        }
        // And one segment claimed for arrays sized for four: 2 × 2,304 bytes left over.
        var bytes = try file(imageSegments: 4)
        bytes[Self.imageSegmentsOffset] = 0
        #expect(throws: ModelError.self) { try ModelFile.decode(bytes) }
    }

}
