import ArgumentParser
import FolioFingerprint

/// `folio-train`: trains the fingerprint encoder offline. Kept out of the node's dependencies.
@main
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio-train",
        abstract: "Train the fingerprint encoder adversarially and export a quantised model file.",
        version: "0.1.0"
    )

    mutating func run() throws {
        print("folio-train: training is not built yet (fingerprint issue).")
    }
}
