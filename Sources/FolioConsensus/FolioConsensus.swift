/// FolioConsensus: the engine-neutral half of consensus.
///
/// It owns the verifying protocol (`ConsensusEngine`), the producing protocol
/// (`BlockProducer`), the read-only `ChainView` engines see, the fork-choice score
/// (`ChainWork`), the rules every engine shares (`HeaderLinkRule`, `TimestampRule`) and
/// `ValidationError` with its reason codes. It does not know proof of work or proof of
/// authority; the node picks an engine from the genesis parameters in one place.
enum FolioConsensusOverview {}
