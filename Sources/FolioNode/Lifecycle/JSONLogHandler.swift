import Foundation
import Logging

/// Writes each log event as one JSON object per line on standard error:
/// `{"level":…,"label":…,"message":…,"time":…}` plus the event's metadata as strings.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        FileHandle.standardError.write(Self.line(for: event, label: label, metadata: mergedMetadata(event)))
    }

    /// The JSON line for one event.
    static func line(for event: LogEvent, label: String, metadata: Logger.Metadata) -> Data {
        var object: [String: String] = [:]
        for (key, value) in metadata { object[key] = "\(value)" }
        if let error = event.error { object["error"] = "\(error)" }
        object["level"] = event.level.rawValue
        object["label"] = label
        object["message"] = event.message.description
        object["time"] = Date().formatted(.iso8601)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(object)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    private func mergedMetadata(_ event: LogEvent) -> Logger.Metadata {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        return merged
    }
}

/// Installs the process-wide log handler once, from the configuration.
public enum NodeLogging {
    /// Bootstraps swift-log with text or JSON lines at `level`.
    public static func bootstrap(format: String, level: String) {
        let level = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            if format == "json" {
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
