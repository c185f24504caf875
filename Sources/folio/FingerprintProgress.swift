import Dispatch
import FolioWallet
import Foundation

/// Fingerprinting a long recording or a large image takes seconds, so on a terminal a spinner
/// with the elapsed time runs on standard error meanwhile; scripts (`--json`, pipes) see none.
enum FingerprintProgress {
    /// `LocalFingerprint.compute` with a spinner while it runs.
    static func compute(file: String, modelPath: String?, json: Bool) throws(WalletError) -> LocalFingerprint {
        let name = (file as NSString).lastPathComponent
        let ticker = Ticker(json: json) { "fingerprinting \(name)" }
        ticker.start()
        defer { ticker.stop() }
        return try LocalFingerprint.compute(file: file, modelPath: modelPath)
    }

    /// `FingerprintFolderEvaluation.folio` with a spinner that counts the files done: an
    /// evaluation folder holds thousands of files and takes from seconds to minutes.
    static func evaluate(directory: String, modelPath: String?, json: Bool) throws(WalletError)
        -> ScoredFolder {
        let count = FilesDone()
        let ticker = Ticker(json: json) { count.text }
        ticker.start()
        defer { ticker.stop() }
        return try FingerprintFolderEvaluation.folio(directory: directory, modelPath: modelPath) { done, total in
            count.set(done: done, total: total)
        }
    }
}

/// The latest "done of total" an evaluation reported, read by the spinner's thread.
private final class FilesDone: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var total = 0

    func set(done: Int, total: Int) { lock.withLock { (self.done, self.total) = (max(self.done, done), total) } }

    var text: String {
        lock.withLock { total == 0 ? "reading the folder" : "fingerprinting: \(done) of \(total) files" }
    }
}

/// A spinner redrawn every tenth of a second on a background queue until stopped.
private final class Ticker: @unchecked Sendable {
    private let lock = NSLock()
    private var spinner: Spinner
    private var running = true
    private let label: @Sendable () -> String
    private let started = DispatchTime.now()

    /// `label` is read at every frame, so it can report progress.
    init(json: Bool, label: @escaping @Sendable () -> String) {
        self.label = label
        spinner = Spinner(json: json)
    }

    func start() {
        guard spinner.enabled else { return }
        DispatchQueue.global().async { [self] in
            // The first frame waits half a second, so quick files draw nothing at all.
            usleep(500_000)
            while lock.withLock({ running }) {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                let text = label()
                lock.withLock { if running { spinner.show("\(text)… \(String(format: "%.1f", seconds)) s") } }
                usleep(100_000)
            }
        }
    }

    func stop() {
        lock.withLock {
            running = false
            spinner.clear()
        }
    }
}
