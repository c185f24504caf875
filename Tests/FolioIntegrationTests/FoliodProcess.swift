import FolioAPI
import Foundation

/// A real `foliod` process on a temporary data directory and a free port (it binds port 0 and
/// prints the address it got), for tests that talk to it over HTTP.
final class FoliodProcess: @unchecked Sendable {
    let dataDirectory: String
    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private(set) var port = 0

    /// Launches `foliod` with `arguments` after the data directory and port settings.
    init(dataDirectory: String? = nil, arguments: [String] = []) throws {
        self.dataDirectory = dataDirectory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("foliod-\(UUID().uuidString)").path
        process.executableURL = ExecutablesTests.productsDirectory.appendingPathComponent("foliod")
        process.arguments = ["--datadir", self.dataDirectory, "--rpc-port", "0", "--p2p-port", "0"] + arguments
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

    /// Sends SIGTERM if still running.
    func terminate() {
        if process.isRunning { process.terminate() }
    }

    private static func port(in text: String) -> Int? {
        guard let range = text.range(of: "rpc: http://127.0.0.1:") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
