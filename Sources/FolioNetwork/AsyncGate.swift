/// A first-in, first-out lock for async code on one actor: `acquire` suspends until every
/// earlier holder has called `release`. Not reentrant.
///
/// `PeerNetwork` holds it across "ask the manager, then perform its actions", because the
/// manager seals frames with per-direction counters as nonces: if a later call's frames
/// reached the socket before an earlier call's (the manager awaits the chain mid-call, so calls
/// interleave), the peer would see counters out of order and reject the session.
struct AsyncGate {
    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Whether nobody holds the gate.
    var isFree: Bool { !held }
    /// How many callers wait for it.
    var waitingCount: Int { waiting.count }

    /// Takes the gate now if free; otherwise returns a continuation to be resumed when it is
    /// handed over (the caller awaits it).
    mutating func acquire(_ continuation: CheckedContinuation<Void, Never>) {
        if held {
            waiting.append(continuation)
        } else {
            held = true
            continuation.resume()
        }
    }

    /// Hands the gate to the next waiter in arrival order, or frees it.
    mutating func release() {
        if waiting.isEmpty {
            held = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
