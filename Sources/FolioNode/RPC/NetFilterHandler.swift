import FolioAPI

/// `net_filter` over the peer-to-peer service; unavailable on a node without one.
enum NetFilterHandler {
    /// Registers `net_filter` on `dispatcher`, served by `control` (nil: -32001).
    static func register(on dispatcher: inout RPCDispatcher, control: (any PeerFilterControl)?) {
        dispatcher.register(NetFilter.self) { params throws(RPCErrorObject) in
            guard let control else {
                throw RPCErrorObject(code: .unavailable, message: "this node runs no peer-to-peer service, so it has no peer filter")
            }
            guard let blocked = params.blocked else { return await control.peerFilterStatus() }
            do throws(PeerFilterError) { return try await control.setPeerFilter(blocked) } catch {
                throw RPCErrorObject(code: .invalidParams, message: error.description)
            }
        }
    }
}
