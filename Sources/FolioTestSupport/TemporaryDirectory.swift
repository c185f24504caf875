import Foundation

/// FolioTestSupport holds test tools: temporary data dirs, vector loading, chain builders and
/// fake engines. Nothing in production imports it.

/// A fresh directory under the system temp folder, removed by `remove()`.
///
/// Every test removes what it makes, passing or failing (`scripts/check-tmp-leaks.sh` checks
/// it): `defer { directory.remove() }` right after making one, or the `deinit` of the fixture
/// that holds it, or `TemporaryDirectory.with` when something that writes into it (a service,
/// a node) must be stopped first, which a `defer` cannot await.
public struct TemporaryDirectory: Sendable {
    /// The directory's URL.
    public let url: URL

    /// Creates a new, empty directory whose name starts with `prefix`.
    public init(prefix: String = "folio-test") throws {
        let name = "\(prefix)-\(UUID().uuidString)"
        url = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The directory's path.
    public var path: String { url.path }

    /// Deletes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Runs `body` with a fresh directory, then the steps `body` gave its `Teardown` (last
    /// first), then removes the directory: on every path, a throw included. A writer stopped by
    /// an unawaited `Task` in a `defer` can write after the removal and leave the directory.
    public static func with<R>(prefix: String, _ body: (TemporaryDirectory, Teardown) async throws -> R) async throws -> R {
        let directory = try TemporaryDirectory(prefix: prefix)
        defer { directory.remove() }
        let teardown = Teardown()
        let result: R
        do {
            result = try await body(directory, teardown)
        } catch {
            await teardown.run()
            throw error
        }
        await teardown.run()
        return result
    }
}

/// Steps that stop whatever writes into a `TemporaryDirectory`, awaited before it is removed.
public final class Teardown: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [@Sendable () async -> Void] = []

    init() {}

    /// Adds a step; steps run last added first, as `defer`s do.
    public func add(_ step: @escaping @Sendable () async -> Void) {
        lock.withLock { steps.append(step) }
    }

    func run() async {
        let taken = lock.withLock {
            defer { steps.removeAll() }
            return steps
        }
        for step in taken.reversed() { await step() }
    }
}
