import FolioCore
import FolioFingerprint
import FolioStore
import Synchronization

/// A chain store whose near-duplicate search answers from an in-memory `SimilarityIndex`
/// mirror of the registered works; every other call goes to `base` unchanged.
///
/// Why: the gate runs one search per registration, and the SQLite chunk tables answer it in
/// about 0.9 s of CPU at 54 bits over a million works (docs/fingerprint.md), the index in
/// about 0.6 ms. The tables stay the durable truth: the mirror is built from `base` when the
/// store opens (about a second at a million works), takes the works each connected block
/// adds after `apply` commits them, and is rebuilt from `base` after any disconnect. If a
/// rebuild fails, searches go to `base` until the next `apply` rebuilds it.
public final class SimilarityMirrorStore: ChainStore {
    /// The store everything is read from and written to.
    public let base: any ChainStore
    private let mirror: Mutex<Mirror>

    private struct Mirror: ~Copyable {
        var index = SimilarityIndex()
        var ids: [WorkId] = []
        var known: Set<WorkId> = []
        var current = false

        mutating func rebuild(from base: any ChainStore) throws(StoreError) {
            let works = try base.workFingerprints()
            self = Mirror()
            ids = works.map(\.id)
            known = Set(ids)
            index.insert(contentsOf: works.enumerated().map { (code: $0.element.fingerprint, id: $0.offset) })
            current = true
        }

        mutating func add(_ id: WorkId, _ fingerprint: Fingerprint) {
            guard known.insert(id).inserted else { return }
            index.insert(fingerprint, id: ids.count)
            ids.append(id)
        }
    }

    /// Wraps `base` and builds the mirror from the works it holds.
    public init(_ base: any ChainStore) throws(StoreError) {
        self.base = base
        var built = Mirror()
        try built.rebuild(from: base)
        mirror = Mutex(built)
    }

    /// Whether searches are answered by the mirror (false only after a failed rebuild).
    public var mirrorIsCurrent: Bool { mirror.withLock { $0.current } }

    public func works(near fingerprint: Fingerprint, within distance: Int) throws(StoreError) -> [SimilarWork] {
        let answer = mirror.withLock { mirror -> [SimilarWork]? in
            guard mirror.current else { return nil }
            let ids = mirror.ids
            return mirror.index.search(fingerprint, within: distance).map { SimilarWork(workId: ids[$0.id], distance: $0.distance) }
        }
        guard let answer else { return try base.works(near: fingerprint, within: distance) }
        return answer.sorted()
    }

    public func apply(_ updates: [ChainUpdate]) throws(StoreError) {
        try base.apply(updates)
        let disconnects = updates.contains { if case .disconnect = $0 { return true } else { return false } }
        if disconnects {
            mirror.withLock { mirror in
                // A reverted registration must leave the mirror: rebuild from the committed tables.
                do { try mirror.rebuild(from: base) } catch { mirror.current = false }
            }
            return
        }
        mirror.withLock { mirror in
            guard mirror.current else {
                do { try mirror.rebuild(from: base) } catch { mirror.current = false }
                return
            }
            for case let .connect(batch) in updates {
                for (id, record) in batch.changes.works.sorted(by: { $0.key < $1.key }) {
                    if let record { mirror.add(id, record.registration.fingerprint) }
                }
            }
        }
    }

    public func workFingerprints() throws(StoreError) -> [(id: WorkId, fingerprint: Fingerprint)] { try base.workFingerprints() }

    // MARK: Forwarded unchanged

    public func storeBlock(_ block: Block, score: [UInt8]) throws(StoreError) { try base.storeBlock(block, score: score) }
    public func block(id: Hash256) throws(StoreError) -> Block? { try base.block(id: id) }
    public func blockEntry(id: Hash256) throws(StoreError) -> BlockEntry? { try base.blockEntry(id: id) }
    public func mainChainId(atHeight height: UInt64) throws(StoreError) -> Hash256? { try base.mainChainId(atHeight: height) }
    public func block(atHeight height: UInt64) throws(StoreError) -> Block? { try base.block(atHeight: height) }
    public func transaction(id: Hash256) throws(StoreError) -> (Transaction, TransactionLocation)? { try base.transaction(id: id) }
    public func undo(blockId: Hash256) throws(StoreError) -> StateChanges? { try base.undo(blockId: blockId) }
    public func tip() throws(StoreError) -> ChainTip? { try base.tip() }
    public func account(_ address: Address) throws(StoreError) -> AccountRecord? { try base.account(address) }
    public func work(_ id: WorkId) throws(StoreError) -> WorkRecord? { try base.work(id) }
    public func works(ownedBy owner: Address) throws(StoreError) -> [WorkId] { try base.works(ownedBy: owner) }
    public func workLinks(_ id: WorkId) throws(StoreError) -> [SimilarWork]? { try base.workLinks(id) }
    public func template(_ id: TemplateId) throws(StoreError) -> TemplateRecord? { try base.template(id) }
    public func offer(_ id: OfferId) throws(StoreError) -> OfferRecord? { try base.offer(id) }
    public func offers(forWork work: WorkId) throws(StoreError) -> [OfferRecord] { try base.offers(forWork: work) }
    public func licence(_ id: LicenceId) throws(StoreError) -> LicenceRecord? { try base.licence(id) }
    public func licences(forWork work: WorkId) throws(StoreError) -> [LicenceRecord] { try base.licences(forWork: work) }
    public func metadata(_ key: String) throws(StoreError) -> [UInt8]? { try base.metadata(key) }
}
