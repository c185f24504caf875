import FolioAPI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `foliod` process on a temporary data directory and a free port (it binds port 0 and
/// prints the address it got), for tests that talk to it over HTTP. `terminate()` (or `deinit`)
/// stops it and, once it has exited, removes the data directory if this object made it.
final class FoliodProcess: @unchecked Sendable {
    let dataDirectory: String
    /// The data directory when this object chose it; a directory given by the caller is theirs.
    private let ownedDirectory: String?
    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private(set) var port = 0

    /// Launches `foliod` with `arguments` after the data directory and port settings; with
    /// `descriptorLimit`, under that file-descriptor limit (soft and hard, set by `ulimit -n`
    /// in a shell that then execs `foliod`, so the process id is foliod's).
    init(dataDirectory: String? = nil, arguments: [String] = [], descriptorLimit: Int? = nil) throws {
        ownedDirectory = dataDirectory == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("foliod-\(UUID().uuidString)").path : nil
        self.dataDirectory = dataDirectory ?? ownedDirectory ?? ""
        let foliod = ExecutablesTests.productsDirectory.appendingPathComponent("foliod")
        let settings = ["--datadir", self.dataDirectory, "--rpc-port", "0", "--p2p-port", "0"] + arguments
        if let descriptorLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\" \"$@\"", foliod.path] + settings
        } else {
            process.executableURL = foliod
            process.arguments = settings
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.output += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Everything the process printed so far.
    var printed: String { lock.withLock { output } }

    /// Waits until the process prints its RPC address (or exits, or `timeout` passes).
    func waitUntilServing(timeout: Duration = .seconds(60)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, process.isRunning {
            if let port = Self.port(in: printed) {
                self.port = port
                return true
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        // The caller's expectation only says "false": say why, for whoever reads the log.
        let state = process.isRunning ? "still running after \(timeout)" : "exited with status \(process.terminationStatus)"
        print("foliod (\(dataDirectory)) printed no RPC address: \(state); its output:\n\(printed)")
        return false
    }

    /// Waits for the process to exit; `nil` if it is still running after `timeout`.
    func waitForExit(timeout: Duration) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// The JSON-RPC endpoint.
    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)/rpc")! }

    /// A client holding the node's cookie.
    func client() throws -> RPCClient {
        RPCClient(endpoint: endpoint, credentials: try RPCCredentials.cookie(dataDirectory: dataDirectory))
    }

    /// Stops the node and waits for it to exit (SIGTERM, then SIGKILL after `grace`), then
    /// removes the data directory if this object made it: foliod writes its store as it exits,
    /// so removing sooner could leave files behind. Blocks the calling thread, because a
    /// `defer` cannot await; foliod stops in well under a second when all is well.
    func terminate(grace: Duration = .seconds(30)) {
        if process.isRunning {
            process.terminate()
            Self.wait(for: process, until: ContinuousClock.now + grace)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Self.wait(for: process, until: ContinuousClock.now + .seconds(10))
        }
        // A process that outlived SIGKILL may still write: its files are left rather than half removed.
        guard !process.isRunning, let ownedDirectory else { return }
        try? FileManager.default.removeItem(atPath: ownedDirectory)
    }

    deinit { terminate() }

    private static func wait(for process: Process, until deadline: ContinuousClock.Instant) {
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
    }

    private static func port(in text: String) -> Int? {
        guard let range = text.range(of: "rpc: http://127.0.0.1:") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
