/// `net_blocktimes`: when this node first heard of each recent block and when it validated
/// it, in wall-clock milliseconds. `folio-testnet propagation` reads it from every node to
/// measure block propagation (B9/B10 of BENCHMARKS.md); the clocks of one machine agree.
public enum NetBlockTimes: RPCMethod {
    /// How many of the latest blocks.
    public typealias Params = NetBlockTimesParams
    /// The blocks, oldest first.
    public typealias Result = NetBlockTimesResult
    /// `net_blocktimes`.
    public static let name = "net_blocktimes"
}

/// `net_blocktimes`'s parameters.
public struct NetBlockTimesParams: Codable, Hashable, Sendable {
    /// How many of the latest validated blocks (default and most: `maxLimit`).
    public var limit: Int?

    /// The most entries one call returns (what a node remembers).
    public static let maxLimit = 2_048

    /// Parameters asking for the latest `limit` blocks.
    public init(limit: Int? = nil) { self.limit = limit }
}

/// One block as this node saw it.
public struct BlockTimeEntry: Codable, Hashable, Sendable {
    /// The block id, hex.
    public var id: String
    /// Its height.
    public var height: UInt64
    /// When the node first heard of it (announcement, header or body), unix milliseconds.
    public var heardMs: Int64
    /// When the node had validated and connected it, unix milliseconds.
    public var validatedMs: Int64
    /// Wall time the node's validation of it took, microseconds (0 for a block it sealed).
    public var validationMicros: Int64

    /// Creates an entry.
    public init(id: String, height: UInt64, heardMs: Int64, validatedMs: Int64, validationMicros: Int64) {
        self.id = id
        self.height = height
        self.heardMs = heardMs
        self.validatedMs = validatedMs
        self.validationMicros = validationMicros
    }
}

/// `net_blocktimes`'s result.
public struct NetBlockTimesResult: Codable, Hashable, Sendable {
    /// The blocks, oldest first.
    public var blocks: [BlockTimeEntry]
    /// Payload bytes of `block` messages this node has received from peers since it started
    /// (B11: read twice, the difference over the bytes of the blocks in between).
    public var blockBytesReceived: Int64?

    /// Creates a result.
    public init(blocks: [BlockTimeEntry], blockBytesReceived: Int64? = nil) {
        self.blocks = blocks
        self.blockBytesReceived = blockBytesReceived
    }
}
