import Glibc

/// How output is dressed: colour only when standard output is a terminal and `NO_COLOR` is
/// unset or empty (https://no-color.org); JSON when `--json` was given.
public struct OutputStyle: Sendable, Equatable {
    /// Whether ANSI colour codes are written.
    public let colour: Bool
    /// Whether output is JSON for scripts instead of text for people.
    public let json: Bool

    /// A style with colour and JSON set explicitly.
    public init(colour: Bool, json: Bool) {
        self.colour = colour && !json
        self.json = json
    }

    /// The style for this process: colour if stdout is a terminal and `NO_COLOR` is not set.
    public static func detect(json: Bool, environment: [String: String]) -> OutputStyle {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        return OutputStyle(colour: isatty(STDOUT_FILENO) == 1 && !noColour, json: json)
    }

    /// `text` in bold, when colour is on.
    public func bold(_ text: String) -> String { wrap(text, "1") }
    /// `text` in green, when colour is on.
    public func good(_ text: String) -> String { wrap(text, "32") }
    /// `text` in red, when colour is on.
    public func bad(_ text: String) -> String { wrap(text, "31") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Rows of text cells laid out in aligned columns, two spaces apart.
public struct TextTable: Sendable, Equatable {
    /// The header cells.
    public let header: [String]
    /// The body rows.
    public var rows: [[String]]

    /// A table with `header` and no rows yet.
    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines; the header is bold when `style` has colour. Widths count characters.
    public func render(style: OutputStyle) -> String {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in all.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        return ([style.bold(line(header))] + rows.map(line)).joined(separator: "\n")
    }
}
