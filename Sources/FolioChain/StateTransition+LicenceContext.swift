import FolioCore

extension StateTransition {
    /// How deep and how many ancestors licence terms see (FolioLicence's `WorkFacts` bounds):
    /// a derivative chain longer than this pays only its nearest ancestors.
    static let ancestorDepth = 8
    static let ancestorCount = 64

    /// The context licence terms run in for `work`: its owners as licensors, the block, and
    /// the ledger's facts about the work and each of its ancestors (nearest first,
    /// breadth-first, each once, within `ancestorDepth` and `ancestorCount`).
    ///
    /// Terms can read `work.*` only of the licensed work and `owners(a)` of an ancestor, so an
    /// ancestor's own entry carries no ancestor list and no upstream state (that one scans the
    /// licences of its parents); reading more would cost every licence transaction more state
    /// reads for nothing the language can ask.
    func licenceContext(sender: Address, work: WorkRecord, position: ChainPosition) throws(ChainRejection) -> LicenceContext {
        var ancestors: [WorkId] = []
        var seen: Set<WorkId> = [work.id]
        var records: [WorkId: WorkRecord] = [:]
        var level = work.registration.parents
        for _ in 0..<Self.ancestorDepth where !level.isEmpty {
            var next: [WorkId] = []
            for id in level where ancestors.count < Self.ancestorCount && seen.insert(id).inserted {
                guard let record = try overlay.work(id) else { continue }
                ancestors.append(id)
                records[id] = record
                next += record.registration.parents
            }
            level = next
        }
        var works: [WorkId: WorkContext] = [work.id: workContext(work, ancestors: ancestors, upstream: try upstreamState(of: work))]
        for (id, record) in records { works[id] = workContext(record, ancestors: [], upstream: nil) }
        let overlay = self.overlay
        let workId = work.id
        return LicenceContext(sender: sender, owners: work.owners, position: position, works: works,
                              licencesOnWork: { try? overlay.licences(forWork: workId) })
    }

    private func workContext(_ record: WorkRecord, ancestors: [WorkId], upstream: LicenceState?) -> WorkContext {
        WorkContext(owners: record.owners, registeredAt: record.registered.timestamp, mediaType: record.registration.mediaType,
                    parents: record.registration.parents, ancestors: ancestors, upstreamState: upstream)
    }

    /// For a derivative, the state of the licence its registrant holds on its parents: active
    /// if any is, else the first found; nil for an original or where none is held.
    private func upstreamState(of record: WorkRecord) throws(ChainRejection) -> LicenceState? {
        var found: LicenceState?
        for parent in record.registration.parents {
            for licence in try overlay.licences(forWork: parent) where licence.licensee == record.registrant {
                if licence.state == .active { return .active }
                if found == nil { found = licence.state }
            }
        }
        return found
    }
}
