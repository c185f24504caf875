import FolioCore

/// A rule a peer broke. Breaking a consensus or protocol rule costs the whole allowance at
/// once (disconnect and discourage on the first offence); sending data nobody asked for costs
/// a little each time, so a flood ends the same way.
package enum Misbehaviour: Equatable, Sendable, CustomStringConvertible {
    /// A block invalid by consensus.
    case invalidBlock(String)
    /// A header invalid by consensus.
    case invalidHeader(String)
    /// A transaction invalid by consensus (policy rejections are not misbehaviour).
    case invalidTransaction(String)
    /// A message that did not decode, or failed authentication.
    case malformedMessage(String)
    /// A message out of place.
    case protocolViolation(String)
    /// A block or transaction that was never requested.
    case unrequestedData
    /// Frames or bytes faster than the per-peer rate limits allow.
    case flood(String)

    /// Score added for this offence; `MisbehaviourScore.threshold` disconnects.
    package var penalty: Int {
        switch self {
        case .invalidBlock, .invalidHeader, .invalidTransaction, .malformedMessage, .protocolViolation, .flood:
            return MisbehaviourScore.threshold
        case .unrequestedData: return 10
        }
    }

    package var description: String {
        switch self {
        case let .invalidBlock(why): return "invalid block: \(why)"
        case let .invalidHeader(why): return "invalid header: \(why)"
        case let .invalidTransaction(why): return "invalid transaction: \(why)"
        case let .malformedMessage(why): return "malformed message: \(why)"
        case let .protocolViolation(why): return "protocol violation: \(why)"
        case .unrequestedData: return "unrequested data"
        case let .flood(why): return "flood: \(why)"
        }
    }
}

/// A peer's accumulated misbehaviour.
package struct MisbehaviourScore: Equatable, Sendable {
    /// The score at which the peer is disconnected and discouraged.
    package static let threshold = 100
    /// The score so far.
    package private(set) var value = 0

    /// An empty score.
    package init() {}

    /// Adds `offence`; returns true when the peer must now be disconnected.
    package mutating func record(_ offence: Misbehaviour) -> Bool {
        value = min(value + offence.penalty, Self.threshold)
        return value >= Self.threshold
    }
}
