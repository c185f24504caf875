import Dispatch
import FolioWallet
import Foundation

/// Fingerprinting a long recording or a large image takes seconds, so on a terminal a spinner
/// with the elapsed time runs on standard error meanwhile; scripts (`--json`, pipes) see none.
enum FingerprintProgress {
    /// `LocalFingerprint.compute` with a spinner while it runs.
    static func compute(file: String, modelPath: String?, json: Bool) throws(WalletError) -> LocalFingerprint {
        let ticker = Ticker(label: "fingerprinting \((file as NSString).lastPathComponent)", json: json)
        ticker.start()
        defer { ticker.stop() }
        return try LocalFingerprint.compute(file: file, modelPath: modelPath)
    }
}

/// A spinner redrawn every tenth of a second on a background queue until stopped.
private final class Ticker: @unchecked Sendable {
    private let lock = NSLock()
    private var spinner: Spinner
    private var running = true
    private let label: String
    private let started = DispatchTime.now()

    init(label: String, json: Bool) {
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
                lock.withLock { if running { spinner.show("\(label)… \(String(format: "%.1f", seconds)) s") } }
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
