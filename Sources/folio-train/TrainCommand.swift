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

    @Option(help: "Evaluate this existing model file instead of training.")
    var evaluate: String?

    @Flag(help: "With --evaluate: run the B15 timings instead of the evaluation.")
    var benchmark = false

    @Option(help: "With --benchmark: also write the 3-minute WAV here (to time fpcalc on the same file).")
    var benchmarkWav: String?

    mutating func run() throws {
        var random = SeededRandom(seed: seed)
        let text = TextSynth(random: &random)
        let bytes: [UInt8]
        if let evaluate {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: evaluate)))
        } else {
            var encoders: [Medium: EncoderWeights] = [:]
            encoders[.audio] = try trainOne(AudioSynth(), &random)
            encoders[.image] = try trainOne(ImageSynth(), &random)
            encoders[.text] = try trainOne(text, &random)
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

    func trainOne<S: WorkSynthesiser>(_ synth: S, _ random: inout SeededRandom) throws -> EncoderWeights {
        let started = Date()
        var trainer = Trainer(synth: synth, hidden: hidden, random: &random, poolSize: poolSize)
        trainer.train(steps: steps, batch: batch) {
            print($0)
            fflush(nil)  // progress shows as it happens even when stdout is a file
        }
        print(String(format: "%@ trained in %.1f s", "\(synth.medium)", Date().timeIntervalSince(started)))
        return try trainer.export()
    }
}
