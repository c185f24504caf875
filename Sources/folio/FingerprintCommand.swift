import ArgumentParser
import FolioWallet

struct FingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint", abstract: "Compute a file's perceptual fingerprint and content hash locally.",
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
