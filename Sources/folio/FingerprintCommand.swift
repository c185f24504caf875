import ArgumentParser
import FolioWallet

/// `folio fingerprint FILE` (the default) and `folio fingerprint eval DIR`.
struct FingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint", abstract: "Compute a file's perceptual fingerprint and content hash locally.",
        discussion: "Example:\n  folio fingerprint song.wav\n  folio fingerprint eval held-out/audio",
        subcommands: [FingerprintFileCommand.self, FingerprintEvalCommand.self],
        defaultSubcommand: FingerprintFileCommand.self)
}

/// `folio fingerprint FILE`: one file's code, model id and content hash.
struct FingerprintFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file", abstract: "Compute a file's perceptual fingerprint and content hash locally (the default).",
        discussion: "Example:\n  folio fingerprint song.wav")
    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("A fingerprint model file (default: the one shipped with folio).", valueName: "FILE")) var model: String?
    @Argument(help: "The work's file (WAV, PNG, JPEG, PPM or text).") var file: String

    func run() throws {
        let result = try FingerprintProgress.compute(file: file, modelPath: model, json: options.json)
        if options.json {
            print(JSONOutput.render(result))
        } else {
            let table = TextTable(header: ["FIELD", "VALUE"], rows: [
                ["file", result.file], ["medium", result.medium], ["fingerprint", result.fingerprint],
                ["model", result.modelId], ["content hash", result.contentHash],
            ])
            print(table.render(style: options.style))
        }
    }
}
