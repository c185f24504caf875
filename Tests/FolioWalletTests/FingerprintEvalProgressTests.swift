import FolioTestSupport
import Foundation
import Synchronization
import Testing
@testable import FolioWallet

/// `folio fingerprint eval` reports how many files are done while it fingerprints a folder.
@Suite("Fingerprint eval progress")
struct FingerprintEvalProgressTests {
    @Test func progressCountsEveryFileOnceUpToTheTotal() throws {
        let folder = try TemporaryDirectory(prefix: "folio-eval-progress")
        defer { folder.remove() }
        let texts = [
            "a": "the river runs past the old mill and under the stone bridge before the town",
            "b": "seven keys hang on a nail by the door of the lighthouse keeper's cottage",
            "c": "a recipe for bread needs flour water salt yeast and a great deal of patience",
        ]
        var paths: [String] = []
        for (work, text) in texts {
            for (name, body) in [("original.txt", text), ("upper.txt", text.uppercased())] {
                let url = folder.url.appendingPathComponent("\(work)/\(name)")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(body.utf8).write(to: url)
                paths.append(url.path)
            }
        }
        let seen = Mutex<[(done: Int, total: Int)]>([])
        let scored = try FingerprintFolderEvaluation.folio(directory: folder.url.path, modelPath: nil) { done, total in
            seen.withLock { $0.append((done, total)) }
        }
        let calls = seen.withLock { $0 }
        // One call per file, each count once, in any order the threads finish in.
        #expect(calls.count == paths.count)
        #expect(Set(calls.map(\.done)) == Set(1...paths.count))
        #expect(calls.allSatisfy { $0.total == paths.count })
        #expect(scored.report.genuinePairs == 3)
    }
}
