import FolioCore

/// FolioConsensus owns the engine protocols (verifying apart from producing), the header checks
/// every engine shares, and `ValidationError`. It knows no particular engine.

/// Who is to blame when a block, header or transaction fails validation.
public enum FaultOwner: Sendable, Equatable {
    /// The peer sent something no honest node would: punish and disconnect it.
    case peer
    /// Valid by consensus but refused by this node's local policy: drop it quietly.
    case localPolicy
    /// A failure on our side (store, resources): log loudly and do not blame the peer.
    case local
}

/// A rule violation with the rule that failed and whose fault it is.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule that failed, as a short stable code (`bad-merkle-root`, `bad-seal`, ...);
    /// the consensus codes are listed in `ValidationError.Reason`.
    public let reason: String
    /// Whose fault the failure is, which decides how peer scoring reacts.
    public let owner: FaultOwner

    /// Creates an error for `reason`, blamed on `owner`.
    public init(reason: String, owner: FaultOwner) {
        self.reason = reason
        self.owner = owner
    }

    /// Whether the peer that relayed the item should be penalised.
    public var punishesPeer: Bool { owner == .peer }

    public var description: String { "\(reason) (fault: \(owner))" }
}
