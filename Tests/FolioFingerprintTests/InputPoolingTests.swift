import Testing
@testable import FolioFingerprint

/// Input pooling: each segment's mean input step is pooled beside its mean hidden state, after
/// all the hidden means, so a projection row can read single feature values.
@Suite struct InputPoolingTests {
    /// Hidden 1 with every LSTM weight and bias zero: i = f = o = ½ and g = tanh(0) = 0, so the
    /// cell and hidden state stay 0 and only the input means can move a bit. Two segments; the
    /// row layout is [h̄₀, h̄₁, x̄₀ (16 values), x̄₁ (16 values)].
    func encoder(rows: [(index: Int, weight: Int16, bias: Int16)]) throws -> LSTMEncoder {
        var projection = [Int16](repeating: 0, count: 256 * 34), bias = [Int16](repeating: 0, count: 256)
        for (bit, row) in rows.enumerated() {
            projection[bit * 34 + row.index] = row.weight
            bias[bit] = row.bias
        }
        let weights = try EncoderWeights(inputSize: 16, hiddenSize: 1, inputWeights: .init(repeating: 0, count: 64),
                                         recurrentWeights: .init(repeating: 0, count: 4), gateBias: .init(repeating: 0, count: 4),
                                         projection: projection, projectionBias: bias, poolingSegments: 2, poolsInputs: true)
        #expect(weights.pooledWidth == 34)
        return LSTMEncoder(weights: weights)
    }

    @Test func eachBitReadsItsSegmentsInputMeanRoundedHalfAwayFromZero() throws {
        // Three steps in two segments: ⌊1·3/2⌋ = 1, so segment 0 is step 0, segment 1 steps 1–2.
        var steps = [[Int16]](repeating: [Int16](repeating: 0, count: 16), count: 3)
        steps[0][3] = 300
        steps[1][3] = -500; steps[2][3] = -500
        steps[1][5] = 4096; steps[2][5] = 4097   // mean 4,096.5 → 4,097
        steps[1][7] = -4096; steps[2][7] = -4097 // mean −4,096.5 → −4,097
        let segment0 = 2, segment1 = 2 + 16
        let coder = try encoder(rows: [
            (segment0 + 3, 4096, -299),  // 300 − 299 > 0: set
            (segment0 + 3, 4096, -300),  // exactly 0: not set (a bit needs a positive value)
            (segment1 + 5, 4096, -4097), // 0 with rounding: not set
            (segment1 + 5, 4096, -4096), // +1 with rounding (0 with a floor or truncating mean): set
            (segment1 + 3, 4096, 0),     // segment 1's feature 3 is −500, not segment 0's 300: not set
            (segment1 + 3, -4096, 0),    // set
            (segment1 + 7, 4096, 4097),  // −4,097 + 4,097 = 0: not set
            (segment1 + 7, -4096, -4096),// 4,097 − 4,096 > 0 (truncation would give 0): set
            (0, 4096, 0),                // segment 0's hidden mean is 0: not set
        ])
        // A projection is Q24: 4,096 × (weight·mean + bias) in Q12 units.
        let code = coder.code(FeatureSequence(values: steps.flatMap { $0 }))
        // Bits 0, 3, 5 and 7 → 0b1010_1001.
        #expect(code == [0xA9] + [UInt8](repeating: 0, count: 31))
        let projections = coder.projections(FeatureSequence(values: steps.flatMap { $0 }))
        #expect(Array(projections.prefix(9)) == [1, 0, 0, 1, -500, 500, 0, 1, 0].map { Int64($0) * 4096 })
    }

    @Test func noStepsPoolsZeroInputsAndNothingIsDivided() throws {
        let coder = try encoder(rows: [(2, 4096, 1), (2, 4096, -1), (20, -4096, 2)])
        #expect(coder.projections(FeatureSequence(values: [])).prefix(3) == [4096, -4096, 2 * 4096])
    }

    @Test func weightsSizeTheProjectionWithTheInputMeans() throws {
        var rng = TestRandom(seed: 21)
        var parts = try rng.weights(hidden: 3, scale: 1000)
        // Four segments: 4 × (3 + 16) = 76 values a row, not 12.
        parts[3] = (0..<256 * 4 * 3).map { _ in rng.int16(-1000...1000) }
        #expect(throws: ModelError.invalidShape("projection has 3072 values, expected 19456")) {
            try makeWeights(parts, hidden: 3, poolingSegments: 4, poolsInputs: true)
        }
        parts[3] = (0..<256 * 4 * 19).map { _ in rng.int16(-1000...1000) }
        #expect(try makeWeights(parts, hidden: 3, poolingSegments: 4, poolsInputs: true).pooledWidth == 76)
    }
}

@Suite struct ModelFileInputPoolingTests {
    /// Audio and text as every earlier file has them; image with four segments and input pooling
    /// as given; hidden 3.
    func file(imagePoolsInputs: Bool) throws -> [UInt8] {
        var rng = TestRandom(seed: 22)
        var encoders: [Medium: EncoderWeights] = [:]
        for m in Medium.allCases {
            var parts = try rng.weights(hidden: 3, scale: 3000)
            let pools = m == .image && imagePoolsInputs, segments: UInt8 = m == .image ? 4 : 0
            parts[3] = (0..<256 * max(1, Int(segments)) * (3 + (pools ? 16 : 0))).map { _ in rng.int16(-3000...3000) }
            encoders[m] = try makeWeights(parts, hidden: 3, poolingSegments: segments, poolsInputs: pools)
        }
        return try ModelFile.encode(encoders)
    }

    /// The image encoder's input-pooling byte, right after its pooling-segments byte.
    static let imageInputPoolingOffset = ModelFileSegmentTests.imageSegmentsOffset + 1

    @Test func inputPoolingRoundTripsAndSizesTheProjection() throws {
        let bytes = try file(imagePoolsInputs: true)
        // The image projection is 256 × 4 × (3 + 16) = 19,456 values instead of 3,072.
        #expect(bytes.count == 20 + 3 * (4 + 2 * 1264) + 2 * (19_456 - 768))
        #expect(bytes[Self.imageInputPoolingOffset] == 1)
        let decoded = try ModelFile.decode(bytes)
        #expect(decoded[.image]?.poolsInputs == true && decoded[.image]?.projection.count == 19_456)
        #expect(decoded[.audio]?.poolsInputs == false && decoded[.text]?.poolsInputs == false)
        #expect(try ModelFile.encode(decoded) == bytes)
    }

    @Test func filesWithoutInputPoolingKeepAZeroByte() throws {
        let bytes = try file(imagePoolsInputs: false)
        #expect(bytes[Self.imageInputPoolingOffset] == 0)
        #expect(try ModelFile.decode(bytes)[.image]?.poolsInputs == false)
    }

    @Test(arguments: [UInt8(2), 3, 128, 255])
    func otherValuesAreRefusedByName(value: UInt8) throws {
        var bytes = try file(imagePoolsInputs: false)
        bytes[Self.imageInputPoolingOffset] = value
        #expect(throws: ModelError.invalidShape("image input pooling \(value) is neither 0 nor 1")) { try ModelFile.decode(bytes) }
    }

    @Test func aFlagTheArraysDoNotMatchIsAnErrorNeverATrap() throws {
        // Claimed on arrays sized without it: the file is too short for the projection.
        var bytes = try file(imagePoolsInputs: false)
        bytes[Self.imageInputPoolingOffset] = 1
        #expect(throws: ModelError.self) { try ModelFile.decode(bytes) }
        // Denied on arrays sized with it: the rest is misread and must end in an error.
        bytes = try file(imagePoolsInputs: true)
        bytes[Self.imageInputPoolingOffset] = 0
        #expect(throws: ModelError.self) { try ModelFile.decode(bytes) }
    }
}
