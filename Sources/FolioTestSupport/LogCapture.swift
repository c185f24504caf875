import Logging
import Synchronization

/// Log messages kept for assertions, in the order they were logged.
package final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    /// An empty record.
    package init() {}

    /// Keeps one message.
    package func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// Every message so far.
    package var all: [String] { lines.withLock { $0 } }
}

/// A log handler that keeps every message, at every level, in `lines`.
package struct LogCapture: LogHandler {
    let lines: LogLines
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .trace

    /// A handler writing into `lines`.
    package init(lines: LogLines) { self.lines = lines }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) { lines.append("\(event.message)") }
}
