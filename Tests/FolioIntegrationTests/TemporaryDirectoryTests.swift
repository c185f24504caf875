import FolioTestSupport
import Foundation
import Testing

/// `TemporaryDirectory.with`, the tool tests use when something that writes into their folder
/// must be stopped first: the teardown runs while the directory still exists, last step
/// first, and the directory goes afterwards, when the body throws as when it returns.
@Suite struct TemporaryDirectoryTests {
    struct Planned: Error {}

    /// What the teardown saw, shared with its `@Sendable` steps.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) { lock.withLock { entries.append(entry) } }
        var all: [String] { lock.withLock { entries } }
    }

    @Test(arguments: [false, true])
    func theTeardownRunsLastFirstWhileTheDirectoryExistsThenTheDirectoryGoes(bodyThrows: Bool) async throws {
        let seen = Seen()
        var path = ""
        do {
            let answer = try await TemporaryDirectory.with(prefix: "folio-tmp-test") { directory, teardown in
                path = directory.path
                let file = directory.url.appendingPathComponent("written")
                try Data("x".utf8).write(to: file)
                teardown.add { seen.add("first added, file there: \(FileManager.default.fileExists(atPath: file.path))") }
                teardown.add { seen.add("second added") }
                if bodyThrows { throw Planned() }
                return 7
            }
            #expect(!bodyThrows)
            #expect(answer == 7)
        } catch is Planned {
            #expect(bodyThrows)
        }
        #expect(seen.all == ["second added", "first added, file there: true"])
        #expect(!path.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
