import Testing
@testable import FolioFingerprint

/// Synthetic inputs for feature tests, built from integer tables only.
enum Synth {
    /// A tone of `bin`·rate/256 Hz at `amplitude`, `count` samples, from the fixed-point sine.
    static func tone(cyclesPer256 bin: Int, amplitude: Int64, count: Int) -> [Int16] {
        (0..<count).map { Int16((FixedMath.sinQ30(bin * $0, 256) * amplitude) >> 30) }
    }
}

@Suite struct AudioFeatureTests {
    func features(_ samples: [Int16], rate: Int = 8000, channels: Int = 1) -> FeatureSequence {
        AudioFeatures.extract(PCMAudio(sampleRate: rate, channels: channels, samples: samples))
    }

    @Test func oneStepPer1024SamplesAt8kHzWithSixteenBands() {
        let f = features(Synth.tone(cyclesPer256: 32, amplitude: 8000, count: 8192))
        #expect(f.count == 8 && f.values.count == 8 * 16)
    }

    @Test func aOneKilohertzToneLightsTheBandHoldingBin32() {
        // 32 cycles per 256 samples at 8 kHz = 1 kHz = FFT bin 32, inside band 10 (bins 30..<38).
        let f = features(Synth.tone(cyclesPer256: 32, amplitude: 8000, count: 8192))
        for t in 0..<f.count {
            let step = Array(f.step(t))
            #expect(step.firstIndex(of: step.max() ?? 0) == 10)
        }
    }

    @Test func halvingTheGainLeavesFeaturesWithinOneLogUnit() {
        let loud = features(Synth.tone(cyclesPer256: 20, amplitude: 16000, count: 4096)
            .enumerated().map { $0.element &+ Int16($0.offset % 7 * 40) })
        let quiet = features(Synth.tone(cyclesPer256: 20, amplitude: 8000, count: 4096)
            .enumerated().map { $0.element &+ Int16($0.offset % 7 * 20) })
        // One log2 unit of power is 256 in Q8, 1,024 in Q12 after the quarter scale; allow 1/8 of it.
        for (a, b) in zip(loud.values, quiet.values) { #expect(abs(Int(a) - Int(b)) <= 128) }
    }

    @Test func stereoWithEqualChannelsEqualsMono() {
        let mono = Synth.tone(cyclesPer256: 9, amplitude: 5000, count: 3000)
        #expect(features(mono.flatMap { [$0, $0] }, channels: 2) == features(mono))
    }

    @Test func sixteenKilohertzInputIsAveragedPairwiseTo8kHz() {
        let at8k = Synth.tone(cyclesPer256: 16, amplitude: 6000, count: 4096)
        let at16k = at8k.flatMap { [$0, $0] }
        #expect(AudioFeatures.resampledMono(PCMAudio(sampleRate: 16000, channels: 1, samples: at16k)) == at8k)
        #expect(features(at16k, rate: 16000) == features(at8k))
    }

    @Test func clipsShorterThanAStepStillGiveOneStep() {
        #expect(features([1, 2, 3]).count == 1)
    }
}

@Suite struct ImageFeatureTests {
    func grey(_ w: Int, _ h: Int, _ value: (Int, Int) -> Int) -> GreyImage {
        GreyImage(width: w, height: h, pixels: (0..<w * h).map { UInt8(value($0 % w, $0 / w)) })
    }

    @Test func areaResamplingOfTwoByTwoBlocksIsExactInSixteenthsOfALevel() {
        let big = grey(64, 64) { x, y in (x / 2 * 7 + y / 2 * 3) % 256 }
        let small = ImageFeatures.resampled(big)
        for y in 0..<32 { for x in 0..<32 { #expect(small[y * 32 + x] == Int64((x * 7 + y * 3) % 256 * 16)) } }
    }

    @Test func flatImagesHaveNoFeatures() {
        #expect(ImageFeatures.extract(grey(40, 30) { _, _ in 90 }).values.allSatisfy { $0 == 0 })
    }

    @Test func brightnessAndContrastChangesLeaveFeaturesAlmostUnchanged() {
        let base = grey(64, 48) { x, y in 60 + (x * 2 + y) % 50 }
        let brighter = grey(64, 48) { x, y in 100 + 2 * ((x * 2 + y) % 50) }
        let a = ImageFeatures.extract(base), b = ImageFeatures.extract(brighter)
        // Rounding in the area average differs between the two; 64 is 1/32 of the mean magnitude.
        for (p, q) in zip(a.values, b.values) { #expect(abs(Int(p) - Int(q)) <= 64) }
    }

    @Test func horizontalStripesPutEnergyOnlyInTheFirstStep() {
        // Values vary only with x, so every vertical frequency but v = 0 is zero.
        let f = ImageFeatures.extract(grey(32, 32) { x, _ in x < 16 ? 40 : 200 })
        #expect(f.count == 16)
        #expect(f.step(0).contains { $0 != 0 })
        for v in 1..<16 { #expect(f.step(v).allSatisfy { $0 == 0 }) }
    }
}

@Suite struct TextFeatureTests {
    @Test func wordsAreLowercasedAndPunctuationSeparates() {
        #expect(TextFeatures.words("Hello,  World! Don't\nSTOP—now 42x") == ["hello", "world", "dont", "stop", "now", "42x"])
    }

    @Test func combiningMarksAreDroppedInsideWords() {
        #expect(TextFeatures.words("Cafe\u{301} ok") == ["cafe", "ok"])
    }

    @Test func fnv1aMatchesThePublishedVectors() {
        #expect(TextFeatures.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(TextFeatures.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(TextFeatures.fnv1a("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func revisionZeroTakesOneStepPerThreeWordShingle() throws {
        #expect(try TextFeatures.extract("a b c d e", revision: 0).count == 3)
        #expect(try TextFeatures.extract("just two", revision: 0).count == 1)
    }

    @Test func revisionOneTakesOneStepPerTwoWordShingle() throws {
        #expect(try TextFeatures.extract("a b c d e", revision: 1).count == 4)
        #expect(try TextFeatures.extract("one", revision: 1).count == 1)
        // The first step is the hash of "a b", the last of "d e", spread as in revision 0.
        let f = try TextFeatures.extract("A, b c. D e", revision: 1)
        for (step, shingle) in [(0, "a b"), (3, "d e")] {
            let hash = TextFeatures.fnv1a(shingle)
            let values = Array(f.step(step))
            for i in 0..<16 { #expect(Int(values[i]) == (2 * Int((hash >> UInt64(4 * i)) & 15) - 15) * 256) }
        }
    }

    @Test func revisionOneJoinsAWordAcrossAnInnerStopOrComma() {
        #expect(TextFeatures.words("Version 3.1.2 of 1,000 e.g. x", joiningInnerStops: true) == ["version", "312", "of", "1000", "eg", "x"])
        // Before a space, at the start of the text, or doubled, they still separate.
        #expect(TextFeatures.words("end. Next ,x a..b", joiningInnerStops: true) == ["end", "next", "x", "a", "b"])
        #expect(TextFeatures.words("Version 3.1.2 of 1,000") == ["version", "3", "1", "2", "of", "1", "000"])
    }

    @Test func strippingPunctuationKeepsRevisionOneFeatures() throws {
        // Punctuation removed and hyphens spaced, as a careless copy does.
        let a = try TextFeatures.extract("See section 3.1.2 (high-level), page 1,024.", revision: 1)
        let b = try TextFeatures.extract("See section 312 high level page 1024", revision: 1)
        #expect(a == b)
        #expect(try TextFeatures.extract("See section 3.1.2 (high-level), page 1,024.", revision: 0)
            != TextFeatures.extract("See section 312 high level page 1024", revision: 0))
    }

    /// The 64-bit hash a text step was spread from: nibble i of the hash is (v/256 + 15)/2.
    func hash(ofStep values: ArraySlice<Int16>) -> UInt64 {
        values.enumerated().reduce(UInt64(0)) { $0 | UInt64((Int($1.element) / 256 + 15) / 2) << UInt64(4 * $1.offset) }
    }

    @Test func revisionTwoIsRevisionOnesStepsInHashOrder() throws {
        let text = "It was the best of times, it was the worst of times; it was the age of wisdom."
        let one = try TextFeatures.extract(text, revision: 1), two = try TextFeatures.extract(text, revision: 2)
        let hashesOne = (0..<one.count).map { hash(ofStep: one.step($0)) }
        let hashesTwo = (0..<two.count).map { hash(ofStep: two.step($0)) }
        // 18 words, so 17 two-word shingles, "it was" three times and "of times" twice among them.
        #expect(hashesOne.count == 17 && hashesOne.first == TextFeatures.fnv1a("it was"))
        #expect(hashesTwo == hashesOne.sorted())
        #expect(hashesTwo.filter { $0 == TextFeatures.fnv1a("it was") }.count == 3)
        #expect(hashesOne != hashesOne.sorted())  // so the order did change
    }

    @Test func revisionTwoDoesNotSeeWhereAShingleStands() throws {
        // Two passages swapped: only the shingle across the join differs ("d e" in one, "f a" in
        // the other); the four shared shingles come in the same (hash) order in both.
        let a = try TextFeatures.extract("a b c d. e f", revision: 2), b = try TextFeatures.extract("e f. a b c d", revision: 2)
        let sharedA = (0..<a.count).map { hash(ofStep: a.step($0)) }.filter { $0 != TextFeatures.fnv1a("d e") }
        let sharedB = (0..<b.count).map { hash(ofStep: b.step($0)) }.filter { $0 != TextFeatures.fnv1a("f a") }
        #expect(sharedA == sharedB && sharedA.count == 4)
        #expect(try TextFeatures.extract("a b c d. e f", revision: 1) != TextFeatures.extract("e f. a b c d", revision: 1))
    }

    @Test func rewrappingCaseAndPunctuationDoNotChangeFeatures() throws {
        for revision: UInt8 in [0, 1, 2] {
            let a = try TextFeatures.extract("The quick brown fox jumps over the lazy dog.", revision: revision)
            let b = try TextFeatures.extract("THE QUICK brown\n  fox -- jumps, over; the\tlazy DOG", revision: revision)
            #expect(a == b)
        }
    }

    @Test func shingleValuesAreTheHashNibblesCentred() throws {
        // Nibble n becomes (2n − 15)·256: 0 → −3840, 15 → 3840.
        let f = try TextFeatures.extract("a", revision: 0)
        let hash = TextFeatures.fnv1a("a")
        for i in 0..<16 { #expect(Int(f.values[i]) == (2 * Int((hash >> UInt64(4 * i)) & 15) - 15) * 256) }
    }

    @Test func textWithoutWordsIsRejected() {
        #expect(throws: InputProblem.unsupported("text with no words to fingerprint")) { try TextFeatures.extract(" .,;! ", revision: 1) }
    }
}
