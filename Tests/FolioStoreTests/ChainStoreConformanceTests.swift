import FolioCore
import FolioStore
import FolioTestSupport
import Testing

/// The one suite both stores must pass (architecture decision 8).
@Suite struct ChainStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func emptyStoreHasNoTipAndNoBlocks(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        #expect(try subject.store.tip() == nil)
        #expect(try subject.store.mainChainId(atHeight: 0) == nil)
        #expect(try subject.store.account(Fixture.alice) == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func connectIndexesBlocksByHeightAndTransactionsById(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let genesis = Fixture.block(height: 0, parent: .zero)
        let first = Fixture.transfer(nonce: 0, amount: 5)
        let second = Fixture.transfer(nonce: 1, amount: 6)
        let one = Fixture.block(height: 1, parent: genesis.id, transactions: [first, second])
        try Fixture.connect(store, genesis)
        try Fixture.connect(store, one)

        #expect(try store.tip() == ChainTip(id: one.id, height: 1))
        #expect(try store.mainChainId(atHeight: 0) == genesis.id)
        #expect(try store.block(atHeight: 1) == one)
        #expect(try store.blockEntry(id: one.id) == BlockEntry(header: one.header, score: [1]))
        let found = try #require(try store.transaction(id: second.id))
        #expect(found.0 == second)
        #expect(found.1 == TransactionLocation(blockId: one.id, height: 1, index: 1))
    }

    @Test(arguments: StoreKind.allCases)
    func disconnectRestoresEveryValueFromUndoData(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let genesis = Fixture.block(height: 0, parent: .zero)
        var opening = StateChanges()
        opening.accounts[Fixture.alice] = AccountRecord(balance: Amount(baseUnits: 100), nonce: 0)
        opening.metadata["note"] = [1, 2]
        try Fixture.connect(store, genesis, changes: opening)

        let transaction = Fixture.transfer(nonce: 0, amount: 30)
        let one = Fixture.block(height: 1, parent: genesis.id, transactions: [transaction])
        var changes = StateChanges()
        changes.accounts[Fixture.alice] = AccountRecord(balance: Amount(baseUnits: 70), nonce: 1)
        changes.accounts[Fixture.bob] = AccountRecord(balance: Amount(baseUnits: 30), nonce: 0)
        changes.metadata["note"] = [3]
        var undo = StateChanges()
        undo.accounts[Fixture.alice] = AccountRecord(balance: Amount(baseUnits: 100), nonce: 0)
        undo.accounts.updateValue(nil, forKey: Fixture.bob)
        undo.metadata["note"] = [1, 2]
        try Fixture.connect(store, one, changes: changes, undo: undo)
        #expect(try store.account(Fixture.bob)?.balance == Amount(baseUnits: 30))
        #expect(try store.undo(blockId: one.id) == undo)

        try store.apply([.disconnect(blockId: one.id)])
        #expect(try store.tip() == ChainTip(id: genesis.id, height: 0))
        #expect(try store.account(Fixture.alice) == AccountRecord(balance: Amount(baseUnits: 100), nonce: 0))
        #expect(try store.account(Fixture.bob) == nil)
        #expect(try store.metadata("note") == [1, 2])
        #expect(try store.transaction(id: transaction.id) == nil)
        #expect(try store.mainChainId(atHeight: 1) == nil)
        #expect(try store.undo(blockId: one.id) == nil)
        #expect(try store.block(id: one.id) == one, "a disconnected block stays stored for a later reorg")
    }

    @Test(arguments: StoreKind.allCases)
    func aBatchWithOneBadStepWritesNothing(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let genesis = Fixture.block(height: 0, parent: .zero)
        try Fixture.connect(store, genesis)
        let one = Fixture.block(height: 1, parent: genesis.id)
        let stray = Fixture.block(height: 2, parent: Fixture.hash("elsewhere"))
        try store.storeBlock(one, score: [1])
        try store.storeBlock(stray, score: [2])
        var changes = StateChanges()
        changes.accounts[Fixture.alice] = AccountRecord(balance: Amount(baseUnits: 9), nonce: 0)
        let good = ChainUpdate.connect(ConnectBatch(block: one, transactionIds: [], changes: changes, undo: StateChanges()))
        let bad = ChainUpdate.connect(ConnectBatch(block: stray, transactionIds: [], changes: StateChanges(), undo: StateChanges()))

        #expect(throws: StoreError.self) { try store.apply([good, bad]) }
        #expect(try store.tip() == ChainTip(id: genesis.id, height: 0))
        #expect(try store.account(Fixture.alice) == nil)
        #expect(try store.mainChainId(atHeight: 1) == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func disconnectingABlockThatIsNotTheTipIsRefused(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let genesis = Fixture.block(height: 0, parent: .zero)
        let one = Fixture.block(height: 1, parent: genesis.id)
        try Fixture.connect(store, genesis)
        try Fixture.connect(store, one)
        #expect(throws: StoreError.inconsistent("block \(genesis.id) is not the tip")) {
            try store.apply([.disconnect(blockId: genesis.id)])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func connectingAnUnstoredBlockIsRefused(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let genesis = Fixture.block(height: 0, parent: .zero)
        #expect(throws: StoreError.self) {
            try store.apply([.connect(ConnectBatch(block: genesis, transactionIds: [], changes: StateChanges(), undo: StateChanges()))])
        }
        #expect(try store.tip() == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func aReorgInOneBatchSwapsTheBranch(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let genesis = Fixture.block(height: 0, parent: .zero)
        try Fixture.connect(store, genesis)
        let a1 = Fixture.block(height: 1, parent: genesis.id, salt: 1)
        let b1 = Fixture.block(height: 1, parent: genesis.id, salt: 2)
        let b2 = Fixture.block(height: 2, parent: b1.id, salt: 2)
        try Fixture.connect(store, a1)
        try store.storeBlock(b1, score: [1])
        try store.storeBlock(b2, score: [2])
        let connectB1 = ConnectBatch(block: b1, transactionIds: [], changes: StateChanges(), undo: StateChanges())
        let connectB2 = ConnectBatch(block: b2, transactionIds: [], changes: StateChanges(), undo: StateChanges())
        try store.apply([.disconnect(blockId: a1.id), .connect(connectB1), .connect(connectB2)])
        #expect(try store.tip() == ChainTip(id: b2.id, height: 2))
        #expect(try store.mainChainId(atHeight: 1) == b1.id)
        #expect(try store.block(id: a1.id) == a1)
    }

    @Test(arguments: StoreKind.allCases)
    func storingABlockTwiceKeepsTheFirstScore(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let side = Fixture.block(height: 4, parent: Fixture.hash("p"))
        try store.storeBlock(side, score: [4])
        try store.storeBlock(side, score: [9])
        #expect(try store.blockEntry(id: side.id)?.score == [4])
        #expect(try store.mainChainId(atHeight: 4) == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func derivedIndexesFollowWorksOffersAndLicences(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let genesis = Fixture.block(height: 0, parent: .zero)
        let code = Fixture.fingerprint([UInt8](repeating: 0xA5, count: 32))
        let work = Fixture.work("song", fingerprint: code, owners: [Ownership(owner: Fixture.alice, share: 100_000_000)])
        let offer = OfferRecord(
            id: Fixture.hash("offer"), offerer: Fixture.alice,
            offer: OfferLicence(workId: work.id, templateId: Fixture.hash("t"), parameters: [], legalTextHash: Fixture.hash("legal")),
            offered: ChainPosition(height: 0, timestamp: 0), revoked: false)
        let licence = LicenceRecord(
            id: Fixture.hash("licence"), offerId: offer.id, workId: work.id, licensee: Fixture.bob, useParameters: [],
            issued: ChainPosition(height: 0, timestamp: 0), state: .active, totalPaid: Amount(baseUnits: 3))
        var changes = StateChanges()
        changes.works[work.id] = work
        changes.offers[offer.id] = offer
        changes.licences[licence.id] = licence
        changes.workLinks[work.id] = [SimilarWork(workId: Fixture.hash("other"), distance: 12)]
        try Fixture.connect(store, genesis, changes: changes)
        #expect(try store.works(ownedBy: Fixture.alice) == [work.id])
        #expect(try store.offers(forWork: work.id) == [offer])
        #expect(try store.licences(forWork: work.id) == [licence])
        #expect(try store.workLinks(work.id) == [SimilarWork(workId: Fixture.hash("other"), distance: 12)])
        #expect(try store.works(near: code, within: 0) == [SimilarWork(workId: work.id, distance: 0)])
        #expect(try store.workFingerprints().map(\.id) == [work.id])
        #expect(try store.workFingerprints().map(\.fingerprint) == [code])

        // Alice gives Bob the whole work: the owner index moves with it.
        var moved = work
        moved.owners = [Ownership(owner: Fixture.bob, share: 100_000_000)]
        var transfer = StateChanges()
        transfer.works[work.id] = moved
        let one = Fixture.block(height: 1, parent: genesis.id)
        try Fixture.connect(store, one, changes: transfer, undo: changes)
        #expect(try store.works(ownedBy: Fixture.alice) == [])
        #expect(try store.works(ownedBy: Fixture.bob) == [work.id])

        try store.apply([.disconnect(blockId: one.id)])
        #expect(try store.works(ownedBy: Fixture.alice) == [work.id])
        #expect(try store.works(ownedBy: Fixture.bob) == [])
    }
}
