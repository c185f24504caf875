import FolioAPI
import FolioCore

/// Wires each catalogue method to the backend. Every parameter is parsed and range-checked
/// here, so a bad one becomes -32602 with a message that names it.
enum RPCMethods {
    /// A dispatcher serving every method in `RPCCatalogue` from `backend`, and `net_filter`
    /// and `net_blocktimes` from the peer service `peerFilter` (nil: they answer -32001).
    static func dispatcher(
        backend: any NodeBackend, peerFilter: (any PeerFilterControl)? = nil, onFingerprintQuery: @escaping @Sendable () -> Void = {}
    ) -> RPCDispatcher {
        var dispatcher = RPCDispatcher()
        let network = backend.params.network
        dispatcher.register(ChainInfo.self) { _ throws(RPCErrorObject) in
            try await call { () throws(BackendError) in try await backend.chainInfo() }
        }
        dispatcher.register(ChainBlock.self) { query throws(RPCErrorObject) in
            let locator = try ParamParser.locator(query)
            return try await call { () throws(BackendError) in try await backend.block(locator) }
        }
        dispatcher.register(NodeSync.self) { _ in await backend.syncStatus() }
        dispatcher.register(NetPeers.self) { _ in await backend.peers() }
        dispatcher.register(AccountGet.self) { query throws(RPCErrorObject) in
            let address = try ParamParser.address(query.address, network: network)
            return try await call { () throws(BackendError) in try await backend.account(address) }
        }
        dispatcher.register(TxSend.self) { params throws(RPCErrorObject) in
            let transaction = try ParamParser.transaction(params.transaction)
            let id = try await call { () throws(BackendError) in try await backend.submit(transaction) }
            return TxSendResult(id: id.hex)
        }
        dispatcher.register(TxGet.self) { query throws(RPCErrorObject) in
            let id = try ParamParser.hash(query.id, name: "id")
            return try await call { () throws(BackendError) in try await backend.transaction(id) }
        }
        dispatcher.register(WorkGet.self) { query throws(RPCErrorObject) in
            let id = try ParamParser.hash(query.id, name: "id")
            return try await call { () throws(BackendError) in try await backend.work(id) }
        }
        dispatcher.register(WorkSimilar.self) { params throws(RPCErrorObject) in
            let fingerprint = try ParamParser.fingerprint(params.fingerprint)
            let limit = try ParamParser.limit(params.limit)
            onFingerprintQuery()
            return try await call { () throws(BackendError) in try await backend.similarWorks(to: fingerprint, limit: limit) }
        }
        dispatcher.register(WorkList.self) { params throws(RPCErrorObject) in
            let owner = try ownerParameter(params.owner, network: network)
            let limit = try workListLimit(params.limit)
            return try await call { () throws(BackendError) in try await backend.works(ownedBy: owner, limit: limit) }
        }
        dispatcher.register(LicenceOfferGet.self) { query throws(RPCErrorObject) in
            let id = try ParamParser.hash(query.id, name: "id")
            return try await call { () throws(BackendError) in try await backend.offer(id) }
        }
        dispatcher.register(LicenceCheck.self) { query throws(RPCErrorObject) in
            let id = try ParamParser.hash(query.id, name: "id")
            return try await call { () throws(BackendError) in try await backend.licence(id) }
        }
        dispatcher.register(LicenceTemplateGet.self) { query throws(RPCErrorObject) in
            let id = try ParamParser.hash(query.id, name: "id")
            return try await call { () throws(BackendError) in try await backend.template(id) }
        }
        NetFilterHandler.register(on: &dispatcher, control: peerFilter)
        NetBlockTimesHandler.register(on: &dispatcher, source: peerFilter as? any BlockTimesSource)
        return dispatcher
    }

    /// `work_list`'s `owner`: `ParamParser.address`, with the message naming `owner`.
    private static func ownerParameter(_ text: String, network: NetworkKind) throws(RPCErrorObject) -> Address {
        do { return try ParamParser.address(text, network: network) } catch {
            throw RPCErrorObject(code: error.code, message: error.message.replacing("\"address\"", with: "\"owner\""))
        }
    }

    /// `work_list`'s `limit`: 1…`WorkListParams.maxLimit`, `WorkListParams.defaultLimit` when absent.
    private static func workListLimit(_ value: Int?) throws(RPCErrorObject) -> Int {
        guard let value else { return WorkListParams.defaultLimit }
        guard (1...WorkListParams.maxLimit).contains(value) else {
            throw RPCErrorObject(code: .invalidParams, message: "\"limit\" must be from 1 to \(WorkListParams.maxLimit), got \(value)")
        }
        return value
    }

    /// Runs a backend call, turning its error into the JSON-RPC error.
    private static func call<T>(_ body: () async throws(BackendError) -> T) async throws(RPCErrorObject) -> T {
        do { return try await body() } catch { throw RPCErrorObject(error) }
    }
}

extension RPCErrorObject {
    /// The JSON-RPC error for a backend error.
    init(_ error: BackendError) {
        switch error {
        case let .notFound(what): self = .notFound(what)
        case let .unavailable(why): self.init(code: .unavailable, message: "\(why); this build cannot serve it")
        case let .rejected(why): self.init(code: .rejected, message: "transaction refused: \(why)")
        case .failed: self.init(code: .internalError, message: "the node failed while answering; its log says why")
        }
    }
}
