#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Starts `foliod` processes that outlive the tool (Foundation starts each child in its own
/// process group, so a Ctrl-C in the terminal does not reach them) and signals them by pid.
enum TestnetProcesses {
    /// Starts `foliod` with `arguments`, output appended to `logPath`; returns its pid.
    static func start(foliod: String, arguments: [String], logPath: String) throws(TestnetError) -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: foliod) else {
            throw .setup("cannot run \(foliod); build it first (swift build) or pass --foliod")
        }
        if !FileManager.default.fileExists(atPath: logPath) {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        }
        guard let log = FileHandle(forWritingAtPath: logPath) else { throw .setup("cannot open \(logPath)") }
        log.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: foliod)
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .setup("cannot start foliod: \(error)") }
        return process.processIdentifier
    }

    /// Whether `pid` names a live (not zombie) process.
    static func isRunning(_ pid: Int32?) -> Bool {
        guard let pid, pid > 0 else { return false }
        if kill(pid, 0) != 0 { return false }
        // A zombie still answers kill(0); its /proc state says Z.
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
            return state != "Z"
        }
        return true
    }

    /// Sends `signal` to `pid`; false if the process is gone.
    @discardableResult
    static func signal(_ pid: Int32?, _ signal: Int32) -> Bool {
        guard let pid, pid > 0 else { return false }
        return kill(pid, signal) == 0
    }

    /// Waits up to `seconds` for `pid` to exit.
    static func waitForExit(_ pid: Int32?, seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !isRunning(pid) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return !isRunning(pid)
    }
}
