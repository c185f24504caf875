import FolioCore
import FolioStore
import Foundation
import Synchronization

/// Forwards to a store and adds up the wall time spent in writes and the rows they wrote,
/// so a full import can report its store share (B5) and its total (B7) from one run.
final class TimingStore: ChainStore {
    let inner: any ChainStore
    private let totals = Mutex((seconds: 0.0, rows: 0, transactions: 0))

    init(_ inner: any ChainStore) { self.inner = inner }

    var writeSeconds: Double { totals.withLock { $0.seconds } }
    var rowsWritten: Int { totals.withLock { $0.rows } }
    var writeTransactions: Int { totals.withLock { $0.transactions } }

    private func timed<T>(rows: Int, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        totals.withLock { $0.seconds += seconds; $0.rows += rows; $0.transactions += 1 }
        return result
    }

    func storeBlock(_ block: Block, score: [UInt8]) throws(StoreError) {
        try timed(rows: 1) { () throws(StoreError) in try inner.storeBlock(block, score: score) }
    }

    func apply(_ updates: [ChainUpdate]) throws(StoreError) {
        var rows = 1 // the tip
        for case let .connect(batch) in updates {
            let changes = batch.changes
            rows += 2 + batch.transactionIds.count + changes.accounts.count + changes.works.count * 18
                + changes.workLinks.count + changes.templates.count + changes.offers.count + changes.licences.count
                + changes.metadata.count
        }
        try timed(rows: rows) { () throws(StoreError) in try inner.apply(updates) }
    }

    func block(id: Hash256) throws(StoreError) -> Block? { try inner.block(id: id) }
    func blockEntry(id: Hash256) throws(StoreError) -> BlockEntry? { try inner.blockEntry(id: id) }
    func mainChainId(atHeight height: UInt64) throws(StoreError) -> Hash256? { try inner.mainChainId(atHeight: height) }
    func transaction(id: Hash256) throws(StoreError) -> (Transaction, TransactionLocation)? { try inner.transaction(id: id) }
    func undo(blockId: Hash256) throws(StoreError) -> StateChanges? { try inner.undo(blockId: blockId) }
    func tip() throws(StoreError) -> ChainTip? { try inner.tip() }
    func account(_ address: Address) throws(StoreError) -> AccountRecord? { try inner.account(address) }
    func work(_ id: WorkId) throws(StoreError) -> WorkRecord? { try inner.work(id) }
    func works(ownedBy owner: Address) throws(StoreError) -> [WorkId] { try inner.works(ownedBy: owner) }
    func workLinks(_ id: WorkId) throws(StoreError) -> [SimilarWork]? { try inner.workLinks(id) }
    func workFingerprints() throws(StoreError) -> [(id: WorkId, fingerprint: Fingerprint)] { try inner.workFingerprints() }
    func works(near fingerprint: Fingerprint, within distance: Int) throws(StoreError) -> [SimilarWork] {
        try inner.works(near: fingerprint, within: distance)
    }
    func template(_ id: TemplateId) throws(StoreError) -> TemplateRecord? { try inner.template(id) }
    func offer(_ id: OfferId) throws(StoreError) -> OfferRecord? { try inner.offer(id) }
    func offers(forWork work: WorkId) throws(StoreError) -> [OfferRecord] { try inner.offers(forWork: work) }
    func licence(_ id: LicenceId) throws(StoreError) -> LicenceRecord? { try inner.licence(id) }
    func licences(forWork work: WorkId) throws(StoreError) -> [LicenceRecord] { try inner.licences(forWork: work) }
    func metadata(_ key: String) throws(StoreError) -> [UInt8]? { try inner.metadata(key) }
}
