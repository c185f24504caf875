import FolioAPI
import FolioWire

/// What serves `net_blocktimes`: the peer-to-peer service, which sees blocks arrive.
protocol BlockTimesSource: Sendable {
    /// The latest `limit` validated blocks with when they were heard of and validated.
    func recentBlockTimes(limit: Int) async -> [BlockTimeEntry]
    /// Payload bytes of `block` messages received from peers since the node started.
    func blockBytesReceived() async -> Int64
}

extension P2PService: BlockTimesSource {
    func recentBlockTimes(limit: Int) async -> [BlockTimeEntry] { backend.timings.entries(limit: limit) }
    func blockBytesReceived() async -> Int64 { Int64(await network?.receivedBytes[MessageType.block.rawValue] ?? 0) }
}

/// `net_blocktimes` over the peer-to-peer service; unavailable on a node without one.
enum NetBlockTimesHandler {
    /// Registers `net_blocktimes` on `dispatcher`, served by `source` (nil: -32001).
    static func register(on dispatcher: inout RPCDispatcher, source: (any BlockTimesSource)?) {
        dispatcher.register(NetBlockTimes.self) { params throws(RPCErrorObject) in
            guard let source else {
                throw RPCErrorObject(code: .unavailable, message: "this node runs no peer-to-peer service, so it keeps no block times")
            }
            let limit = params.limit ?? NetBlockTimesParams.maxLimit
            guard (1...NetBlockTimesParams.maxLimit).contains(limit) else {
                throw RPCErrorObject(code: .invalidParams, message: "\"limit\" must be from 1 to \(NetBlockTimesParams.maxLimit), got \(limit)")
            }
            var result = NetBlockTimesResult(blocks: await source.recentBlockTimes(limit: limit))
            result.blockBytesReceived = await source.blockBytesReceived()
            return result
        }
    }
}
