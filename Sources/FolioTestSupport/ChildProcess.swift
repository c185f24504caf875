import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a child process left when it finished or was stopped: its exit status and what it printed.
public struct ChildRun: Sendable {
    /// The exit status (or the signal number if a signal ended it).
    public let status: Int32
    /// Everything written to standard output (and standard error too when they were merged).
    public let output: String
    /// Everything written to standard error; empty when it was merged into `output`.
    public let error: String
    /// True when the process outlived its deadline and was killed; `status` is then meaningless.
    public let timedOut: Bool
}

/// Runs a built executable to completion with a deadline, for tests.
///
/// Output goes to temporary files, never to pipes: reading a pipe to its end waits for every
/// holder of its write end, and a process that another test spawned in the same instant can hold
/// one, so a reader could wait as long as that other process lives. A process that outlives its
/// deadline is killed and reported with `timedOut`, so a stuck child fails its test with what it
/// printed instead of hanging the whole run.
public enum ChildProcess {
    /// Runs `executable` and waits off the cooperative pool, at most `timeout`.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                           input: Data? = nil, mergeErrors: Bool = false,
                           timeout: Duration = .seconds(300)) async throws -> ChildRun {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try runBlocking(executable, arguments, environment: environment, input: input,
                                    mergeErrors: mergeErrors, timeout: timeout)
                })
            }
        }
    }

    /// Runs `executable` and blocks the calling thread until it exits or `timeout` passes.
    public static func runBlocking(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                                   input: Data? = nil, mergeErrors: Bool = false,
                                   timeout: Duration = .seconds(300)) throws -> ChildRun {
        let directory = try TemporaryDirectory(prefix: "folio-child")
        defer { directory.remove() }
        let outURL = directory.url.appendingPathComponent("stdout")
        let errURL = directory.url.appendingPathComponent("stderr")
        let inURL = directory.url.appendingPathComponent("stdin")
        for url in [outURL, errURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        try (input ?? Data()).write(to: inURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = try FileHandle(forWritingTo: outURL)
        let err = mergeErrors ? out : try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        defer {
            try? out.close()
            if !mergeErrors { try? err.close() }
            try? inHandle.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inHandle
        try process.run()

        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut {
            // Process makes each child the leader of its own group, so this reaches its helpers too.
            kill(-process.processIdentifier, SIGKILL)
            let grace = ContinuousClock.now + .seconds(10)
            while process.isRunning, ContinuousClock.now < grace { usleep(20_000) }
        }
        let status = process.isRunning ? -1 : process.terminationStatus
        return ChildRun(status: status, output: read(outURL), error: mergeErrors ? "" : read(errURL), timedOut: timedOut)
    }

    private static func read(_ url: URL) -> String {
        String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
    }
}
