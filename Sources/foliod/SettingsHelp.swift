import ArgumentParser
import FolioNode
import Foundation

/// Resolves settings for a subcommand and describes them for `--help`.
enum SettingsHelp {
    /// The effective configuration, or a validation error that names the bad setting.
    static func resolve(_ arguments: [String]) throws -> NodeConfig {
        do {
            return try NodeConfig.resolve(
                arguments: arguments, environment: ProcessInfo.processInfo.environment,
                homeDirectory: FileManager.default.homeDirectoryForCurrentUser.path)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// One line per setting: flag, environment variable, default and meaning.
    static let text: String = "Settings (flag > FOLIO_<NAME> environment variable > <datadir>/foliod.toml > default):\n"
        + NodeConfig.settingsHelp
}
