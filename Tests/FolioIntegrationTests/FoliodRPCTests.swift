import FolioAPI
import FolioCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import FolioNode

/// Starts a real `foliod` and calls every JSON-RPC method over HTTP.
@Suite(.serialized) struct FoliodRPCTests {
    private static let unknownId = String(repeating: "ab", count: 32)

    private func startedNode() async throws -> FoliodProcess {
        let node = try FoliodProcess()
        let serving = try await node.waitUntilServing()
        #expect(serving, "foliod did not start: \(node.printed)")
        return node
    }

    private func serverCode<M: RPCMethod>(_ client: RPCClient, _ method: M.Type, _ params: M.Params) async -> Int? {
        do {
            _ = try await client.call(method, params)
            return nil
        } catch {
            guard case let .server(object) = error else { return 0 }
            return object.code.rawValue
        }
    }

    @Test func everyMethodAnswersOverHTTPOnTheDevChain() async throws {
        let node = try await startedNode()
        defer { node.terminate() }
        let client = try node.client()
        let params = try DevChain.params()
        let info = try await client.call(ChainInfo.self)
        #expect(info.genesisId == params.genesisId.hex)
        #expect(info.sync.state == .standalone)
        #expect(try await client.call(ChainBlock.self, BlockQuery(height: 0)).id == params.genesisId.hex)
        // The dev authority keeps sealing, so heights only grow between calls.
        #expect(try await client.call(NodeSync.self).validatedHeight >= info.height)
        let tip = try await client.call(ChainBlock.self, BlockQuery(id: info.bestBlockId))
        #expect(tip.height == info.height)
        #expect(tip.authority == HexCoding.encode(try DevChain.authority().publicKey.bytes))
        #expect(try await client.call(NetPeers.self).isEmpty)
        let first = params.prefunded[0].address.bech32m(on: .test)
        #expect(try await client.call(AccountGet.self, AccountQuery(address: first)).balance == "1000000000000000")
        #expect(try await client.call(WorkSimilar.self, WorkSimilarParams(fingerprint: Self.unknownId)).isEmpty)
        #expect(await serverCode(client, TxGet.self, IdQuery(id: Self.unknownId)) == -32000)
        #expect(await serverCode(client, WorkGet.self, IdQuery(id: Self.unknownId)) == -32000)
        #expect(await serverCode(client, LicenceOfferGet.self, IdQuery(id: Self.unknownId)) == -32000)
        #expect(await serverCode(client, LicenceCheck.self, IdQuery(id: Self.unknownId)) == -32000)
        #expect(await serverCode(client, TxSend.self, TxSendParams(transaction: "zz")) == -32602)
    }

    @Test func errorsAreTheJSONRPCCodesOverHTTP() async throws {
        let node = try await startedNode()
        defer { node.terminate() }
        let anonymous = RPCClient(endpoint: node.endpoint, credentials: .none)
        await #expect(throws: RPCClientError.http(status: 401, body: "authentication required")) {
            try await anonymous.post(Data("{}".utf8))
        }
        let (rawStatus, rawReply) = try RawHTTP.exchange(
            port: node.port, head: "POST /rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close",
            body: Data("{}".utf8))
        #expect(rawStatus == 401)
        #expect(rawReply.lowercased().contains("www-authenticate: basic"))
        let client = try node.client()
        let (badJSON, _) = try await client.post(Data("{nope".utf8))
        #expect(String(decoding: badJSON, as: UTF8.self).contains("-32700"))
        let (unknown, _) = try await client.post(Data(#"{"jsonrpc":"2.0","method":"no_such","id":1}"#.utf8))
        #expect(String(decoding: unknown, as: UTF8.self).contains("-32601"))
        let (badParams, _) = try await client.post(Data(#"{"jsonrpc":"2.0","method":"chain_block","params":{"height":"x"},"id":1}"#.utf8))
        #expect(String(decoding: badParams, as: UTF8.self).contains("-32602"))
        // Declares 2 MB and sends only the head: the node must refuse from the header alone.
        let authorization = try #require(client.credentials.authorizationHeader)
        let (status, reply) = try RawHTTP.exchange(
            port: node.port,
            head: "POST /rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: \(authorization)\r\nContent-Length: 2000000")
        #expect(status == 413)
        #expect(reply.contains("rpc-max-body-bytes"))
    }

    @Test func metricsAndExplorerPagesAreServed() async throws {
        let node = try await startedNode()
        defer { node.terminate() }
        let base = "http://127.0.0.1:\(node.port)"
        for (path, needle) in [("/metrics", "folio_chain_height"), ("/", "Latest blocks"), ("/block/0", "Block 0"),
                               ("/search", "Search")] {
            let (data, response) = try await URLSession.shared.data(from: URL(string: base + path)!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(path)")
            #expect(String(decoding: data, as: UTF8.self).contains(needle), "\(path)")
        }
    }
}
