import FolioCore

/// What every node runs on every header: the engine's verifying half.
///
/// `verifyHeader` is the context stage of validation (the header against its parent and the
/// chain before it); block bodies are the chain's business. Engines are values or internally
/// synchronised classes: the chain may call them from any task.
public protocol ConsensusEngine: Sendable {
    /// The engine's name as the genesis file spells it (`pow`, `poa`).
    var name: String { get }

    /// Accepts `header` as a child of `parent` or throws the first rule it breaks.
    ///
    /// Checks the shared link rule (`HeaderLinkRule`), the shared timestamp rule
    /// (`TimestampRule`, against `now` in unix seconds from the node's injected clock) and the
    /// engine's seal rules. `parent` must already be in `chain`.
    func verifyHeader(_ header: BlockHeader, parent: BlockHeader, chain: some ChainView,
                      now: Int64) throws(ValidationError)

    /// The fork-choice score `header` adds to its branch. The chain sums it from genesis
    /// (which scores zero) and prefers the branch with the larger total. Call it on verified
    /// headers only.
    func score(of header: BlockHeader, parent: BlockHeader, chain: some ChainView) throws(ValidationError) -> ChainWork

    /// How the chain picks between two branches of equal score.
    var tieBreak: TieBreak { get }
}

/// The rule for two branches of equal fork-choice score.
public enum TieBreak: Sendable, Equatable {
    /// The tip seen first stays (Bitcoin's rule: a withheld block cannot win a tie).
    case firstSeen
    /// The tip with the lower block id wins on every node, whatever the order they saw them
    /// in. Proof-of-authority needs this: when the authorities split over two tips of equal
    /// weight and each tip's eligible sealers sit on the other one, first-seen never resolves.
    case lowerId
}

extension ConsensusEngine {
    /// Engines keep the tip seen first unless they say otherwise.
    public var tieBreak: TieBreak { .firstSeen }
}
