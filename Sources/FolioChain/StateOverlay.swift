import FolioCore
import FolioStore

/// The state as the store holds it plus writes not yet committed: the blocks of a reorg in
/// progress and the block being connected. Reads see pending writes first. Each write records
/// the value it replaces (once per block, so the undo restores the state before the block)
/// and updates the state accumulator.
struct StateOverlay {
    let store: any ChainStore
    /// Everything written and not yet committed, across blocks.
    private(set) var pending = StateChanges()
    private var blockChanges = StateChanges()
    private var blockUndo = StateChanges()
    private var accumulatorAtBlockStart: [UInt8]?
    private(set) var accumulator: StateAccumulator

    /// An overlay on `store`'s current state.
    init(store: any ChainStore) throws(StoreError) {
        self.store = store
        let stored = try store.metadata(StateAccumulator.metadataKey)
        accumulatorAtBlockStart = stored
        accumulator = stored.flatMap(StateAccumulator.init(bytes:)) ?? StateAccumulator()
    }

    // MARK: Reads

    func account(_ address: Address) throws(ChainRejection) -> AccountRecord? {
        if let index = pending.accounts.index(forKey: address) { return pending.accounts[index].value }
        return try read { () throws(StoreError) in try store.account(address) }
    }

    func accountOrEmpty(_ address: Address) throws(ChainRejection) -> AccountRecord {
        try account(address) ?? AccountRecord(balance: .zero, nonce: 0)
    }

    func work(_ id: WorkId) throws(ChainRejection) -> WorkRecord? {
        if let index = pending.works.index(forKey: id) { return pending.works[index].value }
        return try read { () throws(StoreError) in try store.work(id) }
    }

    func template(_ id: TemplateId) throws(ChainRejection) -> TemplateRecord? {
        if let index = pending.templates.index(forKey: id) { return pending.templates[index].value }
        return try read { () throws(StoreError) in try store.template(id) }
    }

    func offer(_ id: OfferId) throws(ChainRejection) -> OfferRecord? {
        if let index = pending.offers.index(forKey: id) { return pending.offers[index].value }
        return try read { () throws(StoreError) in try store.offer(id) }
    }

    func licence(_ id: LicenceId) throws(ChainRejection) -> LicenceRecord? {
        if let index = pending.licences.index(forKey: id) { return pending.licences[index].value }
        return try read { () throws(StoreError) in try store.licence(id) }
    }

    /// Licences on `work`, pending writes included, sorted by id.
    func licences(forWork work: WorkId) throws(ChainRejection) -> [LicenceRecord] {
        var found = try read { () throws(StoreError) in try store.licences(forWork: work) }
            .filter { pending.licences.index(forKey: $0.id) == nil }
        for case let (_, record?) in pending.licences where record.workId == work { found.append(record) }
        return found.sorted { $0.id < $1.id }
    }

    /// Works within `distance` of `fingerprint`: the store's index answer without works
    /// written since, plus a direct check of those written works.
    func works(near fingerprint: Fingerprint, within distance: Int) throws(ChainRejection) -> [SimilarWork] {
        var matches = try read { () throws(StoreError) in try store.works(near: fingerprint, within: distance) }
            .filter { pending.works.index(forKey: $0.workId) == nil }
        for (id, record) in pending.works {
            guard let record else { continue }
            let bits = record.registration.fingerprint.distance(to: fingerprint)
            if bits <= distance { matches.append(SimilarWork(workId: id, distance: bits)) }
        }
        return matches.sorted()
    }

    /// Runs a store read, turning its failure into a local-fault rejection.
    private func read<T>(_ body: () throws(StoreError) -> T) throws(ChainRejection) -> T {
        do { return try body() } catch { throw .local(error) }
    }

    // MARK: Writes

    mutating func setAccount(_ address: Address, _ record: AccountRecord) throws(ChainRejection) {
        let old = try account(address)
        write(\.accounts, .account, address, record, old: old, bytes: \.canonicalBytes)
    }

    mutating func setWork(_ id: WorkId, _ record: WorkRecord) throws(ChainRejection) {
        let old = try work(id)
        write(\.works, .work, id, record, old: old, bytes: \.canonicalBytes)
    }

    mutating func setWorkLinks(_ id: WorkId, _ links: [SimilarWork]) throws(ChainRejection) {
        let old: [SimilarWork]?
        if let index = pending.workLinks.index(forKey: id) { old = pending.workLinks[index].value } else { old = try read { () throws(StoreError) in try store.workLinks(id) } }
        write(\.workLinks, .workLinks, id, links, old: old) { links in
            var writer = CanonicalWriter()
            writer.writeList(links)
            return writer.finish()
        }
    }

    mutating func setTemplate(_ id: TemplateId, _ record: TemplateRecord) throws(ChainRejection) {
        let old = try template(id)
        write(\.templates, .template, id, record, old: old, bytes: \.canonicalBytes)
    }

    mutating func setOffer(_ id: OfferId, _ record: OfferRecord) throws(ChainRejection) {
        let old = try offer(id)
        write(\.offers, .offer, id, record, old: old, bytes: \.canonicalBytes)
    }

    mutating func setLicence(_ id: LicenceId, _ record: LicenceRecord) throws(ChainRejection) {
        let old = try licence(id)
        write(\.licences, .licence, id, record, old: old, bytes: \.canonicalBytes)
    }

    private mutating func write<Key: Hashable & CanonicalEncodable, Value>(
        _ path: WritableKeyPath<StateChanges, [Key: Value?]>, _ table: StateTable, _ key: Key, _ value: Value?,
        old: Value?, bytes: (Value) -> [UInt8]
    ) {
        if blockUndo[keyPath: path].index(forKey: key) == nil { blockUndo[keyPath: path].updateValue(old, forKey: key) }
        accumulator.replace(
            old.map { StateAccumulator.leaf(table: table, key: key, value: bytes($0)) },
            with: value.map { StateAccumulator.leaf(table: table, key: key, value: bytes($0)) })
        pending[keyPath: path].updateValue(value, forKey: key)
        blockChanges[keyPath: path].updateValue(value, forKey: key)
    }

    // MARK: Blocks

    /// Ends the block being connected: returns its changes (with the new accumulator) and its
    /// undo data (with the accumulator before it), and starts the next block.
    mutating func finishBlock() -> (changes: StateChanges, undo: StateChanges) {
        let accumulatorBytes = accumulator.bytes
        blockChanges.metadata.updateValue(accumulatorBytes, forKey: StateAccumulator.metadataKey)
        pending.metadata.updateValue(accumulatorBytes, forKey: StateAccumulator.metadataKey)
        blockUndo.metadata.updateValue(accumulatorAtBlockStart, forKey: StateAccumulator.metadataKey)
        let result = (blockChanges, blockUndo)
        blockChanges = StateChanges()
        blockUndo = StateChanges()
        accumulatorAtBlockStart = accumulatorBytes
        return result
    }

    /// Reverts the pending tip block with its undo data (a reorg's disconnect, before commit).
    mutating func revert(with undo: StateChanges) {
        pending.merge(undo)
        let restored = undo.metadata[StateAccumulator.metadataKey] ?? nil
        accumulatorAtBlockStart = restored
        accumulator = restored.flatMap(StateAccumulator.init(bytes:)) ?? StateAccumulator()
    }
}
