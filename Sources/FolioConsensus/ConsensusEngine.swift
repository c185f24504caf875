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
}
