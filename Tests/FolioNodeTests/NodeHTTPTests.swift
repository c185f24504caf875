import FolioAPI
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FolioNode

@Suite struct NodeHTTPTests {
    private static let secret = "abc"
    private static let authorization = "Basic " + Data("__cookie__:abc".utf8).base64EncodedString()

    private func app(maxBodyBytes: Int = 2048) throws -> some ApplicationProtocol {
        let backend = GenesisBackend(params: try DevChain.params(), standalone: true)
        let router = try NodeHTTP.router(
            backend: backend, authenticator: RPCAuthenticator(mode: .cookie(secret: Self.secret)),
            maxBodyBytes: maxBodyBytes, metrics: NodeMetrics())
        return Application(router: router)
    }

    private let chainInfo = ByteBuffer(string: #"{"jsonrpc":"2.0","method":"chain_info","id":1}"#)

    @Test func rpcWithoutCredentialsIs401() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/rpc", method: .post, body: chainInfo)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Basic realm=\"foliod\"")
        }
    }

    @Test func rpcWithTheCookieAnswers() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(
                uri: "/rpc", method: .post, headers: [.authorization: Self.authorization], body: chainInfo)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains(#""height":0"#))
        }
    }

    @Test func aBodyOverTheCapIs413WithAJSONRPCError() async throws {
        try await app(maxBodyBytes: 2048).test(.router) { client in
            let big = ByteBuffer(string: String(repeating: " ", count: 4096))
            let response = try await client.execute(
                uri: "/rpc", method: .post, headers: [.authorization: Self.authorization], body: big)
            #expect(response.status == .contentTooLarge)
            #expect(String(buffer: response.body).contains("-32600"))
        }
    }

    @Test func metricsAreServedInPrometheusTextWithFolioNames() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            let text = String(buffer: response.body)
            #expect(response.status == .ok)
            #expect(text.contains("folio_chain_height 0"))
            #expect(text.contains("folio_rpc_request_duration_seconds"))
        }
    }

    @Test func theExplorerHomeShowsTheGenesisBlock() async throws {
        let genesis = try DevChain.params().genesisId.hex
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            let html = String(buffer: response.body)
            #expect(response.status == .ok)
            #expect(html.contains(genesis))
            #expect(!html.contains("http://") && !html.contains("https://"))
        }
    }

    @Test func theExplorerBlockPageFindsGenesisByHeightAndAnUnknownBlockIs404() async throws {
        try await app().test(.router) { client in
            let genesis = try await client.execute(uri: "/block/0", method: .get)
            let unknown = try await client.execute(uri: "/block/9", method: .get)
            #expect(genesis.status == .ok)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func searchingAHeightRedirectsToTheBlock() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/search?q=0", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/block/0")
        }
    }
}
