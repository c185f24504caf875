import FolioChain
import FolioConsensus
import FolioCore
import FolioStore
import FolioTestSupport

/// A deterministic chain of transfer blocks among `accounts` test keys, the same in every run
/// for the same sizes, so a child process and its parent agree on every block.
struct Workload {
    let params: ChainParams
    let blocks: [Block]

    static func keys(_ count: Int) -> [TestKey] { (0..<count).map { TestKeys.named("user\($0)") } }

    /// Builds `blockCount` blocks of `perBlock` transfers each.
    static func make(blockCount: Int, perBlock: Int, accounts: Int = 64) async throws -> Workload {
        let params = try ChainBuilder.params(prefund: keys(accounts).map { ($0, 1_000_000_000) })
        let builder = try ChainBuilder(params: params)
        var blocks: [Block] = []
        var parent = "genesis"
        for (index, transactions) in transfers(builder, blockCount: blockCount, perBlock: perBlock, accounts: accounts).enumerated() {
            let name = "b\(index + 1)"
            blocks.append(try await builder.build(name, on: parent, transactions))
            parent = name
        }
        return Workload(params: params, blocks: blocks)
    }

    /// The transactions of each block: `perBlock` transfers between `accounts` test keys, signed,
    /// drawn from a fixed seed, so every workload of the same sizes carries the same ones.
    static func transfers(_ builder: ChainBuilder, blockCount: Int, perBlock: Int, accounts: Int) -> [[Transaction]] {
        let keys = keys(accounts)
        var nonces = [UInt64](repeating: 0, count: accounts)
        var random = SeededGenerator(seed: 0xC0FFEE)
        return (0..<max(blockCount, 0)).map { index in
            let height = UInt64(index + 1)
            return (0..<perBlock).map { _ in
                let from = Int.random(in: 0..<accounts, using: &random)
                let to = Int.random(in: 0..<accounts, using: &random)
                defer { nonces[from] += 1 }
                return builder.transaction(keys[from], nonce: nonces[from], fee: 1,
                                           .transfer(Transfer(to: keys[to].address, amount: Amount(baseUnits: 1 + height % 97))))
            }
        }
    }

    /// Writes the blocks as a stream of (UInt32 LE length, canonical bytes).
    func encodedBlocks() -> [UInt8] {
        var writer = CanonicalWriter(capacity: 1 << 20)
        for block in blocks {
            let bytes = block.canonicalBytes
            writer.write(UInt32(bytes.count))
            writer.writeRaw(bytes)
        }
        return writer.bytes
    }

    /// Reads a stream written by `encodedBlocks`.
    static func decodeBlocks(_ bytes: [UInt8]) throws -> [Block] {
        var reader = CanonicalReader(bytes)
        var blocks: [Block] = []
        while reader.remaining > 0 {
            let length = Int(try reader.readUInt32())
            blocks.append(try Block(canonicalBytes: try reader.readRaw(count: length)))
        }
        return blocks
    }

    /// A chain over `store` with the engine the tool uses: any seal, one point per block.
    static func chain(params: ChainParams, store: any ChainStore) throws -> Chain {
        try Chain(params: params, store: store, engine: FakeConsensusEngine(), licences: FakeLicenceEngine(),
                  clock: { Int64.max / 2 })
    }
}
