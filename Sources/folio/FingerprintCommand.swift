import ArgumentParser
import FolioWallet

/// `folio fingerprint FILE` (the default) and `folio fingerprint eval DIR`.
struct FingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint", abstract: "Print a file's perceptual fingerprint (computed locally), or score a folder of copies.",
        discussion: "Example:\n  folio fingerprint song.wav\n  folio fingerprint eval held-out/audio",
        subcommands: [FingerprintFileCommand.self, FingerprintEvalCommand.self],
        defaultSubcommand: FingerprintFileCommand.self)
}

/// `folio fingerprint FILE`: one file's code, model id and content hash.
struct FingerprintFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file", abstract: "Print a file's 64-hex-digit perceptual fingerprint, computed locally (the default).",
        discussion: "--json adds the medium, the model id, the content SHA-256 and the time each stage took.\n\nExample:\n  folio fingerprint song.wav\n  folio fingerprint song.wav --json")
    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("A fingerprint model file (default: the one shipped with folio).", valueName: "FILE")) var model: String?
    @Argument(help: "The work's file (WAV, PNG, JPEG, PPM or text).") var file: String

    func run() throws {
        let result = try FingerprintProgress.compute(file: file, modelPath: model, json: options.json)
        // The code alone, so `code=$(folio fingerprint FILE)` works; --json adds the rest.
        print(options.json ? JSONOutput.render(result) : result.fingerprint)
    }
}
