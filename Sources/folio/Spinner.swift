import Glibc

/// A one-line progress indicator on standard error, drawn only when standard error is a
/// terminal: piped or captured output (scripts, CI) stays free of carriage returns.
struct Spinner {
    private static let frames = ["|", "/", "-", "\\"]
    private var frame = 0
    private var drawn = false
    let enabled: Bool

    /// A spinner that draws if standard error is a terminal and JSON was not asked for.
    init(json: Bool) {
        enabled = !json && isatty(STDERR_FILENO) == 1
    }

    /// Redraws the line with `text`.
    mutating func show(_ text: String) {
        guard enabled else { return }
        var error = StandardError()
        print("\r\u{1B}[2K\(Self.frames[frame % Self.frames.count]) \(text)", terminator: "", to: &error)
        frame += 1
        drawn = true
    }

    /// Clears the line, if anything was drawn.
    mutating func clear() {
        guard enabled, drawn else { return }
        var error = StandardError()
        print("\r\u{1B}[2K", terminator: "", to: &error)
        drawn = false
    }
}
