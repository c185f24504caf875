import FolioAPI
import FolioCore

extension BlockSummary {
    /// The API's view of `block`.
    init(_ block: Block) {
        let header = block.header
        var authority: String?
        var bits: String?
        let engine: String
        switch header.seal {
        case let .proofOfWork(seal):
            engine = GenesisEngine.proofOfWork
            bits = HexCoding.encode((0..<4).map { UInt8(truncatingIfNeeded: seal.bits >> (24 - 8 * $0)) })
        case let .proofOfAuthority(seal):
            engine = GenesisEngine.proofOfAuthority
            authority = HexCoding.encode(seal.authority.bytes)
        }
        self.init(
            id: block.id.hex, height: header.height, parent: header.parent.hex, timestamp: header.timestamp,
            merkleRoot: header.merkleRoot.hex, stateRoot: header.stateRoot.hex, engine: engine, authority: authority,
            bits: bits, transactions: block.transactions.map(\.id.hex), sizeBytes: block.canonicalBytes.count)
    }
}
