import ArgumentParser
import FolioFingerprint
import Foundation

/// `folio-train`: trains the fingerprint encoders offline and exports the quantised model file.
/// Kept out of the node's dependencies.
@main
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio-train",
        abstract: "Train the fingerprint encoders adversarially on synthetic works and export a quantised model file.",
        version: "0.1.0"
    )

    @Option(help: "Seed for every random choice; the same seed gives the same file on the same platform.")
    var seed: UInt64 = 1

    @Option(help: "Training steps per medium.")
    var steps = 300

    @Option(help: "Works per batch.")
    var batch = 24

    @Option(help: "LSTM hidden size.")
    var hidden = 32

    @Option(help: "Synthetic works in each medium's training pool.")
    var poolSize = 400

    @Option(help: "Held-out works per medium for the evaluation (0 to skip).")
    var evalWorks = 120

    @Option(help: "Where to write the model file.")
    var out = "Sources/FolioFingerprint/Models/folio-fp-v1.model"

    @Option(help: "Media to train (comma-separated: audio, image, text); the others are copied from --base.")
    var media = "audio,image,text"

    @Option(help: "Model file whose encoders are kept for the media not trained (and re-centred with --recalibrate).")
    var base = "Sources/FolioFingerprint/Models/folio-fp-v1.model"

    @Option(help: "Fresh works per medium whose median pooled state each projection hyperplane goes through (0: the training anchors' running mean, as the first model had).")
    var calibrationWorks = 400

    @Flag(inversion: .prefixedNo,
          help: "Draw the hyperplanes in the space that whitens what transforms do to calibration works' pooled states (needs --calibration-works > 0).")
    var whitened = true

    @Option(help: "With --whitened: added to every eigenvalue of the change's second moment, as a share of their mean.")
    var ridge = 0.05

    @Option(help: "With --whitened: transforms (comma-separated, of the trained media's own, e.g. overlay for images) each calibration work also gets one copy of with that transform alone, so it weighs more in what the hyperplanes are whitened against.")
    var calibrationKinds = ""

    @Option(help: "Pooling segments of the encoders trained or recalibrated (1: one mean over all steps, as before; up to 16). With --recalibrate, omitted keeps the base encoder's.")
    var poolingSegments: Int?

    @Option(help: "Whether the encoders trained or recalibrated also pool each segment's mean input step beside the LSTM's (true or false; a skip connection, so bits can follow single feature values). With --recalibrate, omitted keeps the base encoder's; otherwise omitted is false.")
    var poolInputs: Bool?

    @Option(help: "With --recalibrate --media image and input pooling: this many of the 256 bits each read one pooled DCT coefficient (lowest frequencies first) instead of a drawn hyperplane (0: all drawn).")
    var coefficientBits = 0

    @Flag(help: "Do not train: re-centre the --media encoders of --base on --calibration-works fresh works.")
    var recalibrate = false

    @Option(help: "Evaluate this existing model file instead of training.")
    var evaluate: String?

    @Flag(help: "With --evaluate: run the B15 timings instead of the evaluation.")
    var benchmark = false

    @Option(help: "With --benchmark: also write the 3-minute WAV here (to time fpcalc on the same file).")
    var benchmarkWav: String?

    /// The model file's byte for --pooling-segments: 1 is written as 0, the form every earlier
    /// file has, so an encoder trained with one segment is byte for byte what it was before.
    var poolingSegmentsByte: UInt8? {
        poolingSegments.map { UInt8($0 == 1 ? 0 : $0) }
    }

    func validate() throws {
        if let poolingSegments, !(1...EncoderWeights.maxPoolingSegments).contains(poolingSegments) {
            throw ValidationError("--pooling-segments must be in 1...\(EncoderWeights.maxPoolingSegments)")
        }
        if !calibrationKinds.isEmpty && !whitened {
            throw ValidationError("--calibration-kinds needs --whitened")
        }
        if !(0...256).contains(coefficientBits) { throw ValidationError("--coefficient-bits must be in 0...256") }
        if coefficientBits > 0 && !(recalibrate && whitened && media == "image") {
            throw ValidationError("--coefficient-bits needs --recalibrate --whitened --media image: its bits read DCT coefficients")
        }
        if whitened && calibrationWorks <= 0 && evaluate == nil {
            throw ValidationError("--whitened needs --calibration-works > 0 (or pass --no-whitened)")
        }
    }

    mutating func run() throws {
        var random = SeededRandom(seed: seed)
        let text = TextSynth(random: &random)
        let bytes: [UInt8]
        if let evaluate {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: evaluate)))
        } else {
            let chosen = try chosenMedia()
            var encoders: [Medium: EncoderWeights] = [:]
            if chosen != Set(Medium.allCases) || recalibrate {
                encoders = try ModelFile.decode(Array(try Data(contentsOf: URL(fileURLWithPath: base))))
            }
            if chosen.contains(.audio) { encoders[.audio] = try make(AudioSynth(), base: encoders[.audio], &random) }
            if chosen.contains(.image) { encoders[.image] = try make(ImageSynth(), base: encoders[.image], &random) }
            if chosen.contains(.text) { encoders[.text] = try make(text, base: encoders[.text], &random) }
            bytes = try ModelFile.encode(encoders)
            try Data(bytes).write(to: URL(fileURLWithPath: out))
        }
        let model = try FingerprintModel(fileBytes: bytes)
        print("model: \(bytes.count) bytes, id (SHA-256) \(model.id)")
        if benchmark { return try Benchmark.run(model: model, wavPath: benchmarkWav) }
        guard evalWorks > 0 else { return }
        // Held-out works come from a stream the training never drew from.
        var heldOut = SeededRandom(seed: seed ^ 0x5EED_0F_E7A1)
        print(try Evaluation.run(AudioSynth(), model: model, works: evalWorks, random: &heldOut)
            .report(.audio, transforms: AudioSynth().transforms))
        print(try Evaluation.run(ImageSynth(), model: model, works: evalWorks, random: &heldOut)
            .report(.image, transforms: ImageSynth().transforms))
        print(try Evaluation.run(text, model: model, works: evalWorks, random: &heldOut)
            .report(.text, transforms: text.transforms))
    }

    func chosenMedia() throws -> Set<Medium> {
        let names: [String: Medium] = ["audio": .audio, "image": .image, "text": .text]
        return Set(try media.split(separator: ",").map { name in
            guard let medium = names[String(name)] else { throw ValidationError("unknown medium \(name) in --media") }
            return medium
        })
    }

    /// --calibration-kinds as a list, each checked against `synth`'s transforms.
    func extraKinds<S: WorkSynthesiser>(for synth: S) throws -> [String] {
        try calibrationKinds.split(separator: ",").map { name in
            guard synth.transforms.contains(String(name)) else {
                throw ValidationError("--calibration-kinds: \(synth.medium) has no transform \(name) (it has \(synth.transforms.joined(separator: ", ")))")
            }
            return String(name)
        }
    }

    /// Trains `synth`'s encoder, or with --recalibrate re-centres `base`'s.
    func make<S: WorkSynthesiser>(_ synth: S, base: EncoderWeights?, _ random: inout SeededRandom) throws -> EncoderWeights {
        let kinds = try extraKinds(for: synth)  // checked before any training time is spent
        guard recalibrate else { return try trainOne(synth, extraKinds: kinds, &random) }
        guard let base, calibrationWorks > 0 else { throw ValidationError("--recalibrate needs --base and --calibration-works > 0") }
        if coefficientBits > 0 && !(poolInputs ?? base.poolsInputs) {
            throw ValidationError("--coefficient-bits reads pooled input values, so it needs input pooling (--pool-inputs true)")
        }
        return try Calibration.recentred(base, synth: synth, count: calibrationWorks, seed: seed, whitened: whitened, ridge: ridge,
                                         extraKinds: kinds, poolingSegments: poolingSegmentsByte, poolsInputs: poolInputs,
                                         coefficientBits: coefficientBits)
    }

    func trainOne<S: WorkSynthesiser>(_ synth: S, extraKinds: [String], _ random: inout SeededRandom) throws -> EncoderWeights {
        let started = Date()
        var trainer = Trainer(synth: synth, hidden: hidden, random: &random, poolSize: poolSize,
                              poolingSegments: poolingSegmentsByte ?? 0, poolsInputs: poolInputs ?? false)
        trainer.train(steps: steps, batch: batch) {
            print($0)
            fflush(nil)  // progress shows as it happens even when stdout is a file
        }
        print(String(format: "%@ trained in %.1f s", "\(synth.medium)", Date().timeIntervalSince(started)))
        return try trainer.export(calibrationWorks: calibrationWorks, calibrationSeed: seed, whitened: whitened, ridge: ridge,
                                     extraKinds: extraKinds)
    }
}
