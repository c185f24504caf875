#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

/// Refuses every HTTP authentication challenge and remembers which tasks met one.
///
/// Why: on Linux, URLSession without a delegate never returns from a request answered with
/// 401 and a `WWW-Authenticate` header (which foliod sends, as HTTP requires). Refusing the
/// challenge ends the task with a cancellation error; the client turns that into HTTP 401.
final class ChallengeRefusingDelegate: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var challenged: Set<Int> = []

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        lock.withLock { _ = challenged.insert(task.taskIdentifier) }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    /// Whether any request met a challenge since the last call, clearing the record.
    func takeChallenged() -> Bool {
        lock.withLock {
            defer { challenged.removeAll() }
            return !challenged.isEmpty
        }
    }
}
