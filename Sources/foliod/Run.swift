import ArgumentParser
import FolioNode
import Foundation

/// `foliod [run] [--setting value …]`: starts the node.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the node (the default).", discussion: SettingsHelp.text)

    @Argument(parsing: .allUnrecognized, help: "Settings as --name value (see below).")
    var settings: [String] = []

    func run() async throws {
        let config = try SettingsHelp.resolve(settings)
        NodeLogging.bootstrap(format: config.logFormat, level: config.logLevel)
        do {
            try await NodeRunner.run(config: config) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as CustomStringConvertible {
            throw ValidationError("\(error.description)")
        }
    }
}

/// `foliod config show`.
struct Config: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the configuration.", subcommands: [Show.self])

    /// Prints the effective configuration and where each value came from.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective configuration (flag > environment > file > default).")

        @Argument(parsing: .allUnrecognized, help: "Settings as --name value.")
        var settings: [String] = []

        func run() async throws {
            print(try SettingsHelp.resolve(settings).rendered())
        }
    }
}
