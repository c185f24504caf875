import FolioCore
import FolioStore
import FolioTestSupport

/// The two implementations every conformance test runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory, sqlite
    var description: String { rawValue }
}

/// A store under test and the directory to remove afterwards.
final class StoreUnderTest {
    let store: any ChainStore
    let directory: TemporaryDirectory?

    init(_ kind: StoreKind) throws {
        switch kind {
        case .memory:
            store = InMemoryChainStore()
            directory = nil
        case .sqlite:
            let directory = try TemporaryDirectory(prefix: "folio-store")
            // A failed init runs no deinit: the directory goes here.
            do { store = try SQLiteChainStore(path: directory.url.appendingPathComponent("chain.sqlite").path) } catch {
                directory.remove()
                throw error
            }
            self.directory = directory
        }
    }

    deinit { directory?.remove() }
}

/// Hand-made records and blocks. The store checks no signature, so transactions carry a
/// fixed one; ids are whatever SHA-256 makes of the bytes.
enum Fixture {
    static let zeroSignature = try! Signature(bytes: [UInt8](repeating: 7, count: 64))
    static let alice = TestKeys.alice.address
    static let bob = TestKeys.bob.address

    static func hash(_ label: String) -> Hash256 { SHA256.hash(Array(label.utf8)) }

    static func transfer(nonce: UInt64, amount: UInt64) -> Transaction {
        Transaction(
            chainId: 7, sender: TestKeys.alice.publicKey, nonce: nonce, fee: Amount(baseUnits: 1),
            payload: .transfer(Transfer(to: bob, amount: Amount(baseUnits: amount))), signature: zeroSignature)
    }

    static func block(height: UInt64, parent: Hash256, transactions: [Transaction] = [], salt: UInt64 = 0) -> Block {
        let header = BlockHeader(
            chainId: 7, height: height, parent: parent, merkleRoot: MerkleTree.root(of: transactions.map(\.id)),
            stateRoot: .zero, timestamp: 1_700_000_000 + Int64(height) * 10,
            seal: .proofOfWork(ProofOfWorkSeal(bits: 0x207f_ffff, nonce: salt)))
        return Block(header: header, transactions: transactions)
    }

    static func fingerprint(_ bytes: [UInt8]) -> Fingerprint { Fingerprint(bytes: bytes)! }

    static func work(_ label: String, fingerprint: Fingerprint, owners: [Ownership]) -> WorkRecord {
        let registration = RegisterWork(
            title: label, metadataHash: hash("meta " + label), mediaType: .text, contentHash: hash("content " + label),
            fingerprint: fingerprint, modelId: hash("model"), owners: owners, parents: [])
        return WorkRecord(
            id: hash(label), registrant: owners[0].owner, registration: registration,
            registered: ChainPosition(height: 1, timestamp: 1_700_000_010), owners: owners)
    }

    /// Connects `block` onto the store's tip with `changes`, recording `undo`.
    static func connect(_ store: any ChainStore, _ block: Block, changes: StateChanges = StateChanges(),
                        undo: StateChanges = StateChanges()) throws {
        try store.storeBlock(block, score: [UInt8(block.header.height)])
        try store.apply([.connect(ConnectBatch(
            block: block, transactionIds: block.transactions.map(\.id), changes: changes, undo: undo))])
    }
}
