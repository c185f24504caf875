import FolioChain
import FolioCore
import FolioMempool
import FolioStore
import FolioTestSupport
import Foundation
@testable import FolioNode

/// A node ledger on a real SQLite store in a temporary directory, fed blocks that a
/// `ChainBuilder` makes, for explorer and index tests. Fingerprints are chosen by hand so that
/// every distance a test expects can be counted in its head.
struct ExplorerLedgerFixture {
    let directory: TemporaryDirectory
    let store: SQLiteChainStore
    let ledger: Ledger
    let builder: ChainBuilder

    /// The caller removes `directory` (a `defer`); a failed init removes it here.
    init() throws {
        let params = try ChainBuilder.params(prefund: [(TestKeys.alice, 1_000_000), (TestKeys.bob, 1_000_000)])
        builder = try ChainBuilder(params: params)
        directory = try TemporaryDirectory(prefix: "folio-explorer")
        do {
            store = try SQLiteChainStore(path: directory.url.appendingPathComponent("chain.sqlite").path)
            let chain = try Chain(
                params: params, store: store, engine: FakeConsensusEngine(), licences: FakeLicenceEngine(), clock: { Int64.max / 2 })
            ledger = Ledger(chain: chain, mempool: Mempool(chain: chain), clock: { 1_700_000_000 })
        } catch {
            directory.remove()
            throw error
        }
    }

    /// A fingerprint whose first `ones` bits are set and the rest clear: two of them differ
    /// in exactly the difference of their `ones`.
    static func fingerprint(ones: Int) throws -> Fingerprint {
        var bytes = [UInt8](repeating: 0, count: Fingerprint.byteCount)
        for bit in 0..<ones { bytes[bit / 8] |= 0x80 >> UInt8(bit % 8) }
        guard let fingerprint = Fingerprint(bytes: bytes) else { throw FixtureError.badFingerprint }
        return fingerprint
    }

    /// `key` registers a work titled `title` with `fingerprint`, declaring `parents`.
    func registration(_ key: TestKey, nonce: UInt64, title: String, fingerprint: Fingerprint, parents: [WorkId] = []) -> Transaction {
        let payload = RegisterWork(
            title: title, metadataHash: SHA256.hash(Array(title.utf8)), mediaType: .text, contentHash: SHA256.hash(Array("content \(title)".utf8)),
            fingerprint: fingerprint, modelId: ChainBuilder.modelId,
            owners: [Ownership(owner: key.address, share: Ownership.wholeShare)], parents: parents)
        return builder.transaction(key, nonce: nonce, .registerWork(payload))
    }

    /// Builds block `name` on `parent` and hands it to the ledger; throws unless it joined the
    /// main chain.
    @discardableResult
    func extend(_ name: String, on parent: String, _ transactions: [Transaction] = []) async throws -> Block {
        let block = try await builder.build(name, on: parent, transactions)
        let outcome = await ledger.accept(block, local: false)
        guard outcome.connected.contains(where: { $0.id == block.id }) else { throw FixtureError.notConnected(name) }
        return block
    }

    /// Hands an already built block to the ledger (a fork's blocks, for instance).
    func accept(_ name: String) async throws {
        guard let block = await builder.block(name) else { throw FixtureError.notConnected(name) }
        _ = await ledger.accept(block, local: false)
    }

    enum FixtureError: Error {
        case notConnected(String)
        case badFingerprint
    }
}
