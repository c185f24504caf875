import FolioAPI
import FolioCore
import Foundation
import Testing
@testable import FolioNode

@Suite struct RPCDispatcherTests {
    private let backend: GenesisBackend
    private let dispatcher: RPCDispatcher

    init() throws {
        backend = GenesisBackend(params: try DevChain.params(), standalone: true)
        dispatcher = RPCMethods.dispatcher(backend: backend)
    }

    private func call(_ body: String) async throws -> [String: Any] {
        let reply = await dispatcher.handle(Data(body.utf8))
        let data = try #require(reply.body)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func errorCode(_ body: String) async throws -> Int? {
        ((try await call(body))["error"] as? [String: Any])?["code"] as? Int
    }

    @Test func bodyThatIsNotJSONIsAParseError() async throws {
        #expect(try await errorCode("{\"jsonrpc\":") == -32700)
    }

    @Test(arguments: [
        #"[{"jsonrpc":"2.0","method":"chain_info","id":1}]"#,
        #"{"jsonrpc":"1.0","method":"chain_info","id":1}"#,
        #"{"jsonrpc":"2.0","id":1}"#,
        #"{"jsonrpc":"2.0","method":"chain_info","params":5,"id":1}"#,
        #"{"jsonrpc":"2.0","method":"chain_info","id":{"a":1}}"#,
        #""just a string""#,
    ])
    func jsonThatIsNotOneRequestObjectIsAnInvalidRequest(body: String) async throws {
        #expect(try await errorCode(body) == -32600)
    }

    @Test func anUnknownMethodIsMethodNotFoundAndSuggestsTheNearest() async throws {
        let response = try await call(#"{"jsonrpc":"2.0","method":"chain_inf","id":"a"}"#)
        let error = try #require(response["error"] as? [String: Any])
        #expect(error["code"] as? Int == -32601)
        #expect((error["message"] as? String)?.contains("\"chain_info\"") == true)
        #expect(response["id"] as? String == "a")
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","method":"chain_block","params":{},"id":1}"#,
        #"{"jsonrpc":"2.0","method":"chain_block","params":{"height":"zero"},"id":1}"#,
        #"{"jsonrpc":"2.0","method":"chain_block","params":{"id":"00","height":0},"id":1}"#,
        #"{"jsonrpc":"2.0","method":"tx_get","params":{"id":"xyz"},"id":1}"#,
        #"{"jsonrpc":"2.0","method":"tx_get","id":1}"#,
        #"{"jsonrpc":"2.0","method":"account_get","params":{"address":"folio1qqqq"},"id":1}"#,
        #"{"jsonrpc":"2.0","method":"work_similar","params":{"fingerprint":"ab"},"id":1}"#,
        #"{"jsonrpc":"2.0","method":"tx_send","params":{"transaction":"00"},"id":1}"#,
        #"{"jsonrpc":"2.0","method":"chain_info","params":{"verbose":true},"id":1}"#,
    ])
    func badParametersAreInvalidParams(body: String) async throws {
        #expect(try await errorCode(body) == -32602)
    }

    @Test func chainInfoAnswersFromGenesis() async throws {
        let response = try await call(#"{"jsonrpc":"2.0","method":"chain_info","id":7}"#)
        let result = try #require(response["result"] as? [String: Any])
        #expect(result["height"] as? Int == 0)
        #expect(result["chainId"] as? Int == 1337)
        #expect(result["engine"] as? String == "poa")
        #expect(result["genesisId"] as? String == backend.params.genesisId.hex)
        #expect(response["id"] as? Int == 7)
    }

    @Test func aNotificationGetsNoResponseBody() async {
        let reply = await dispatcher.handle(Data(#"{"jsonrpc":"2.0","method":"chain_info"}"#.utf8))
        #expect(reply.body == nil)
        #expect(reply.method == "chain_info")
    }

    @Test func aBlockBeyondGenesisIsNotFound() async throws {
        #expect(try await errorCode(#"{"jsonrpc":"2.0","method":"chain_block","params":{"height":1},"id":1}"#) == -32000)
    }

    @Test func sendingATransactionWithoutAMempoolIsUnavailable() async throws {
        let key = try DevChain.account(0)
        var transaction = Transaction(
            chainId: DevChain.chainId, sender: key.publicKey, nonce: 0, fee: Amount(baseUnits: 1),
            payload: .transfer(Transfer(to: Address(publicKey: key.publicKey), amount: Amount(baseUnits: 1))),
            signature: try Signature(bytes: [UInt8](repeating: 0, count: 64)))
        transaction.signature = try key.signature(for: transaction.signingBytes)
        let hex = HexCoding.encode(transaction.canonicalBytes)
        #expect(try await errorCode(#"{"jsonrpc":"2.0","method":"tx_send","params":{"transaction":"\#(hex)"},"id":1}"#) == -32001)
    }
}
