import Foundation
import TOMLKit

/// `foliod.toml`: written with every setting commented out on first start, read on each start.
enum ConfigFile {
    /// The file's name inside the data directory.
    static let fileName = "foliod.toml"

    /// The commented template: each setting's summary, then `# name = default`.
    static var template: String {
        var lines = [
            "# foliod configuration. Uncomment a line to change a setting.",
            "# Precedence: command-line flag > FOLIO_<NAME> environment variable > this file > default.",
            "",
        ]
        for key in ConfigKey.all where key.allowedInFile {
            lines.append("# \(key.summary)")
            lines.append("# \(key.name) = \(tomlLiteral(key.defaultValue, kind: key.kind))")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Writes the template to `path` unless a file is already there; returns whether it wrote.
    @discardableResult
    static func writeTemplateIfAbsent(at path: String) throws(ConfigError) -> Bool {
        guard !FileManager.default.fileExists(atPath: path) else { return false }
        do { try Data(template.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting) } catch {
            throw .fileUnusable(path: path, detail: "\(error.localizedDescription)")
        }
        return true
    }

    /// The settings `path` sets, or none when the file does not exist.
    static func read(at path: String) throws(ConfigError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .fileUnusable(path: path, detail: "\(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    /// The settings a TOML document sets, each checked against the known names.
    static func parse(_ text: String, path: String) throws(ConfigError) -> [String: String] {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw .malformedFile(path: path, detail: "\(error.description) at line \(error.source.begin.line)")
        } catch {
            throw .malformedFile(path: path, detail: "\(error)")
        }
        var values: [String: String] = [:]
        for name in table.keys {
            guard let key = ConfigKey.named(name) else {
                throw .unknownKey(
                    source: path, key: name, nearest: NearestName.nearest(to: name, in: ConfigKey.all.map(\.name)))
            }
            guard key.allowedInFile else { throw .notAllowedInFile(path: path, key: name) }
            guard let value = table[name] else { continue }
            if let text = value.string {
                values[name] = text
            } else if let number = value.int {
                values[name] = String(number)
            } else if let flag = value.bool {
                values[name] = String(flag)
            } else {
                throw .invalidValue(key: name, value: value.debugDescription, expected: "a string, integer or boolean")
            }
        }
        return values
    }

    private static func tomlLiteral(_ value: String, kind: ConfigKey.Kind) -> String {
        switch kind {
        case .port, .integer, .boolean: return value
        case .text, .choice: return "\"\(value)\""
        }
    }
}
