import FolioChain
import FolioConsensus
import FolioCore
import FolioTestSupport
import Testing

/// Accounts: nonces, balances, fees, rewards and the context-free block rules, as scenarios.
@Suite struct AccountScenarioTests {
    @Test(arguments: StoreKind.allCases)
    func aTransferMovesTheAmountAndPaysTheFeeAndRewardToTheProducer(kind: StoreKind) async throws {
        let s = try Scenario(store: kind)
        try await s.builder.build("b1", on: "genesis", [s.transfer(TestKeys.alice, to: TestKeys.bob, 100, nonce: 0, fee: 2)])
        try await s.submit("b1", .connected, tip: "b1")
        // Alice 1000 − 100 − 2 fee; Bob 1000 + 100; producer 50 reward + 2 fee.
        #expect(try s.balance(TestKeys.alice) == 898)
        #expect(try s.balance(TestKeys.bob) == 1100)
        #expect(try s.balance(TestKeys.producer) == 52)
        #expect(try s.nonce(TestKeys.alice) == 1)
    }

    @Test func aNonceThatIsNotTheNextOneIsRejected() async throws {
        let s = try Scenario()
        try await s.builder.build("b1", on: "genesis", [s.transfer(TestKeys.alice, to: TestKeys.bob, 5, nonce: 0)])
        try await s.submit("b1", .connected, tip: "b1")
        try await s.builder.buildMutated("replay", on: "b1", [s.transfer(TestKeys.alice, to: TestKeys.bob, 5, nonce: 0)]) { _ in }
        try await s.submit("replay", .rejected(ChainReason.badNonce), tip: "b1")
        try await s.builder.buildMutated("gap", on: "b1", [s.transfer(TestKeys.alice, to: TestKeys.bob, 5, nonce: 2)]) { _ in }
        try await s.submit("gap", .rejected(ChainReason.badNonce), tip: "b1")
        #expect(try s.balance(TestKeys.bob) == 1005)
    }

    @Test func spendingMoreThanTheBalanceIsRejected() async throws {
        let s = try Scenario()
        // 1000 − 1 fee leaves 999: a 1000 transfer cannot be paid.
        try await s.builder.buildMutated("b1", on: "genesis", [s.transfer(TestKeys.alice, to: TestKeys.bob, 1000, nonce: 0)]) { _ in }
        try await s.submit("b1", .rejected(ChainReason.insufficientBalance), tip: "genesis")
        try await s.builder.build("b1ok", on: "genesis", [s.transfer(TestKeys.alice, to: TestKeys.bob, 999, nonce: 0)])
        try await s.submit("b1ok", .connected, tip: "b1ok")
        #expect(try s.balance(TestKeys.alice) == 0)
    }

    @Test func aTamperedSignatureIsRejected() async throws {
        let s = try Scenario()
        var forged = s.transfer(TestKeys.alice, to: TestKeys.bob, 10, nonce: 0)
        forged.payload = .transfer(Transfer(to: TestKeys.carol.address, amount: Amount(baseUnits: 10)))
        try await s.builder.buildMutated("b1", on: "genesis", [forged]) { _ in }
        try await s.submit("b1", .rejected(ChainReason.badSignature), tip: "genesis")
        try await s.submit("b1", .rejected(ChainReason.knownInvalid), tip: "genesis")
    }

    @Test func aTransactionForAnotherChainIsRejected() async throws {
        let s = try Scenario()
        var other = Transaction(
            chainId: 8, sender: TestKeys.alice.publicKey, nonce: 0, fee: Amount(baseUnits: 1),
            payload: .transfer(Transfer(to: TestKeys.bob.address, amount: Amount(baseUnits: 1))), signature: forgedSignature)
        other.signature = TestKeys.alice.sign(other.signingBytes)
        try await s.builder.buildMutated("b1", on: "genesis", [other]) { _ in }
        try await s.submit("b1", .rejected(ChainReason.wrongChainId), tip: "genesis")
    }

    @Test func aMerkleRootThatDoesNotMatchTheTransactionsIsRejectedAndTheRealBlockStillConnects() async throws {
        let s = try Scenario()
        let payment = s.transfer(TestKeys.alice, to: TestKeys.bob, 10, nonce: 0)
        let good = try await s.builder.build("b1", on: "genesis", [payment])
        try await s.builder.buildMutated("b1-mutated", on: "genesis", [payment]) { block in
            block.header = good.header
            block.transactions = [payment, payment]
        }
        try await s.submit("b1-mutated", .rejected(ChainReason.badMerkleRoot), tip: "genesis")
        try await s.submit("b1", .connected, tip: "b1")
    }

    @Test func aWrongStateRootIsRejected() async throws {
        let s = try Scenario()
        try await s.builder.buildMutated("b1", on: "genesis", [s.transfer(TestKeys.alice, to: TestKeys.bob, 10, nonce: 0)]) { block in
            block.header.stateRoot = SHA256.hash(Array("not the state".utf8))
        }
        try await s.submit("b1", .rejected(ChainReason.badStateRoot), tip: "genesis")
        #expect(try s.balance(TestKeys.bob) == 1000)
    }

    @Test func aTimestampNotAboveTheMedianIsRejected() async throws {
        let s = try Scenario()
        try await s.builder.buildMutated("b1", on: "genesis", [], mutate: { block in block.header.timestamp = Scenario.start })
        try await s.submit("b1", .rejected("time-too-old"), tip: "genesis")
    }

    @Test func anOrphanWaitsForItsParentThenBothConnect() async throws {
        let s = try Scenario()
        try await s.builder.build("b1", on: "genesis")
        try await s.builder.build("b2", on: "b1")
        try await s.submit("b2", .orphan, tip: "genesis")
        let outcome = try await s.submit("b1", .connected, tip: "b2")
        #expect(outcome.connected.map(\.header.height) == [1, 2])
    }

    @Test func aBlockStoredButNotConnectedBeforeACrashConnectsWhenSeenAgain() async throws {
        let s = try Scenario()
        let block = try await s.builder.build("b1", on: "genesis", [s.transfer(TestKeys.alice, to: TestKeys.bob, 3, nonce: 0)])
        // What a kill between storing the block and committing its connect leaves behind.
        try s.chain.store.storeBlock(block, score: ChainWork(1).value.bigEndianBytes)
        try await s.submit("b1", .connected, tip: "b1")
        #expect(try s.balance(TestKeys.bob) == 1003)
    }

    @Test func theSameBlockTwiceIsADuplicate() async throws {
        let s = try Scenario()
        let block = try await s.builder.build("b1", on: "genesis")
        try await s.submit("b1", .connected, tip: "b1")
        #expect(await s.chain.accept(block).status == .duplicate)
    }
}

let forgedSignature = try! Signature(bytes: [UInt8](repeating: 1, count: 64))
