import FolioConsensus
import FolioCore
import Synchronization

/// The proof-of-authority verifier.
///
/// A header is accepted when its seal is an Ed25519 signature over its signing bytes by an
/// authority of the parent's snapshot that did not seal any of the previous floor(N/2) blocks,
/// its time is at least the parent's plus the period (plus one second out of turn), and the
/// shared link and time rules hold. The first child of a parent an authority seals is
/// remembered; a different child of the same parent by it is equivocation. (Sealing again at
/// a height on another branch is not: an honest authority does that after a reorganisation.)
public final class ProofOfAuthorityEngine: ConsensusEngine {
    /// The engine's parameters from genesis.
    public let params: ProofOfAuthorityParams
    /// Extra seconds an out-of-turn block waits beyond the period, so the in-turn block wins
    /// when both are on time.
    public static let outOfTurnGraceSeconds: Int64 = 1

    private let snapshots = Mutex<SnapshotCache>(SnapshotCache())
    private let sealed = Mutex<SealLedger>(SealLedger())

    /// An engine for a chain with these parameters; `nil` if they are not proof of authority.
    public init?(chain: ChainParams) {
        guard case let .proofOfAuthority(poa) = chain.consensus else { return nil }
        params = poa
        snapshots.withLock { $0.insert(AuthoritySnapshot(genesisAuthorities: poa.authorities), for: chain.genesisId, checkpoint: true) }
    }

    /// `poa`.
    public var name: String { ProofOfAuthority.engineName }

    /// Equivocations seen so far, oldest first.
    public var evidence: [EquivocationEvidence] { sealed.withLock { $0.evidence } }

    public func verifyHeader(_ header: BlockHeader, parent: BlockHeader, chain: some ChainView,
                             now: Int64) throws(ValidationError) {
        guard case let .proofOfAuthority(seal) = header.seal else { throw .peer(ValidationError.Reason.wrongSealKind) }
        try HeaderLinkRule.check(header, parent: parent, params: chain.params)
        let snapshot = try self.snapshot(at: parent, chain: chain)
        guard snapshot.isAuthority(seal.authority) else { throw .peer(ValidationError.Reason.notAuthority) }
        guard seal.authority.isValidSignature(seal.signature, for: header.signingBytes) else {
            throw .peer(ValidationError.Reason.badSeal)
        }
        guard !snapshot.signedRecently(seal.authority, beforeHeight: header.height) else {
            throw .peer(ValidationError.Reason.recentlySigned)
        }
        let earliest = parent.timestamp + Int64(params.periodSeconds)
        guard header.timestamp >= earliest else { throw .peer(ValidationError.Reason.tooSoon) }
        if snapshot.inTurn(atHeight: header.height) != seal.authority,
           header.timestamp < earliest + Self.outOfTurnGraceSeconds {
            throw .peer(ValidationError.Reason.outOfTurnTooSoon)
        }
        try TimestampRule.check(header, parent: parent, chain: chain, now: now)
        if sealed.withLock({ $0.record(header, by: seal.authority) }) != nil {
            throw .peer(ValidationError.Reason.equivocation)
        }
    }

    /// 2 for the in-turn authority's seal, 1 otherwise.
    public func score(of header: BlockHeader, parent: BlockHeader, chain: some ChainView) throws(ValidationError) -> ChainWork {
        guard case let .proofOfAuthority(seal) = header.seal else { throw .peer(ValidationError.Reason.wrongSealKind) }
        let snapshot = try self.snapshot(at: parent, chain: chain)
        return ChainWork(snapshot.inTurn(atHeight: header.height) == seal.authority ? 2 : 1)
    }

    /// Equal weights go to the lower block id, so authorities split over two tips converge.
    public var tieBreak: TieBreak { .lowerId }

    /// How many authority snapshots the engine holds (checkpoints and recent blocks; for tests).
    var cachedSnapshotCount: Int { snapshots.withLock { $0.count } }

    /// The authority set after `header`, replayed from the nearest cached snapshot.
    public func snapshot(at header: BlockHeader, chain: some ChainView) throws(ValidationError) -> AuthoritySnapshot {
        var pending: [BlockHeader] = []
        var cursor = header
        var base: AuthoritySnapshot?
        while base == nil {
            let id = cursor.id
            if let cached = snapshots.withLock({ $0[id] }) {
                base = cached
                break
            }
            guard cursor.height > 0, let parent = chain.header(hash: cursor.parent) else {
                throw ValidationError(reason: ValidationError.Reason.missingAncestor, owner: .local)
            }
            pending.append(cursor)
            cursor = parent
        }
        guard var snapshot = base else { throw ValidationError(reason: ValidationError.Reason.missingAncestor, owner: .local) }
        for block in pending.reversed() {
            guard case let .proofOfAuthority(seal) = block.seal else { throw .peer(ValidationError.Reason.wrongSealKind) }
            let id = block.id
            guard let votes = chain.authorityVotes(inBlock: id) else {
                throw ValidationError(reason: ValidationError.Reason.missingAncestor, owner: .local)
            }
            snapshot = snapshot.applying(height: block.height, sealer: seal.authority, votes: votes)
            let checkpoint = block.height % ProofOfAuthority.checkpointInterval == 0
            if checkpoint || block.id == header.id {
                let keep = snapshot
                snapshots.withLock { $0.insert(keep, for: id, checkpoint: checkpoint) }
            }
        }
        return snapshot
    }
}

/// Which child of each recent parent each authority sealed, and the equivocations found.
struct SealLedger {
    /// Heights kept behind the highest seen.
    static let depth: UInt64 = 256
    /// Equivocations remembered at most.
    static let evidenceKept = 256

    private var byParent: [Hash256: [PublicKey: BlockHeader]] = [:]
    private var parentHeights: [Hash256: UInt64] = [:]
    private var highest: UInt64 = 0
    private(set) var evidence: [EquivocationEvidence] = []

    /// Records `header`; returns the earlier, different child of the same parent `authority`
    /// sealed (and keeps the evidence), or `nil`.
    mutating func record(_ header: BlockHeader, by authority: PublicKey) -> BlockHeader? {
        if let first = byParent[header.parent]?[authority] {
            guard first != header else { return nil }
            if !evidence.contains(where: { $0.second == header }) {
                // Only an authority can equivocate, but a faulty one could do it every block:
                // the oldest evidence goes once the list is full.
                if evidence.count >= Self.evidenceKept { evidence.removeFirst() }
                evidence.append(EquivocationEvidence(first: first, second: header, authority: authority))
            }
            return first
        }
        byParent[header.parent, default: [:]][authority] = header
        parentHeights[header.parent] = header.height
        if header.height > highest {
            highest = header.height
            let kept = parentHeights.filter { $0.value + Self.depth >= highest }
            byParent = byParent.filter { kept[$0.key] != nil }
            parentHeights = kept
        }
        return nil
    }
}
