import FolioAPI
import FolioCore
import FolioCrypto
import FolioFingerprint
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import FolioNode

/// A work registered on a real `foliod`: the explorer's work, transaction and match pages show
/// it, search finds it, and the same file registered by someone else is refused by the
/// near-duplicate gate, naming the earlier work.
@Suite(.serialized) struct FoliodWorkTests {
    static let poem = """
        The river keeps the names of every stone it has worn smooth,
        and carries them, unspoken, to a sea that does not ask.
        We registered the morning and the evening and the rain,
        and every copy of the rain was recognised again.
        """

    func registration(_ text: String, owner: Address) throws -> RegisterWork {
        let model = try FingerprintModel.shipped(expectedID: try #require(Hash256(hex: FingerprintModel.shippedIDHex)))
        let identity = try Fingerprinter(model: model).identify(Array(text.utf8), file: "poem.txt")
        return RegisterWork(
            title: "River <Poem>", metadataHash: SHA256.hash(Array("{}".utf8)), mediaType: .text,
            contentHash: identity.contentHash, fingerprint: identity.fingerprint, modelId: identity.modelID,
            owners: [Ownership(owner: owner, share: Ownership.wholeShare)], parents: [])
    }

    func signed(account: Int, nonce: UInt64, _ payload: TransactionPayload) throws -> Transaction {
        let key = try DevChain.account(account)
        var transaction = Transaction(
            chainId: DevChain.chainId, sender: key.publicKey, nonce: nonce, fee: Amount(baseUnits: 10), payload: payload,
            signature: try Signature(bytes: [UInt8](repeating: 0, count: Signature.byteCount)))
        transaction.signature = try key.signature(for: transaction.signingBytes)
        return transaction
    }

    func get(_ node: FoliodProcess, _ path: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: "http://127.0.0.1:\(node.port)\(path)")))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func aRegisteredWorkIsShownAndItsCopyIsRefused() async throws {
        let node = try FoliodProcess()
        defer { node.terminate() }
        #expect(try await node.waitUntilServing(), "foliod did not start: \(node.printed)")
        let client = try node.client()
        let alice = Address(publicKey: try DevChain.account(0).publicKey)
        let register = try signed(account: 0, nonce: 0, .registerWork(try registration(Self.poem, owner: alice)))
        let sent = try await client.call(TxSend.self, TxSendParams(transaction: HexCoding.encode(register.canonicalBytes)))
        var confirmed = false
        for _ in 0..<150 where !confirmed {
            confirmed = (try await client.call(TxGet.self, IdQuery(id: sent.id)).confirmations ?? 0) >= 1
            if !confirmed { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(confirmed, "the registration was not included")

        let work = try await client.call(WorkGet.self, IdQuery(id: sent.id))
        #expect(work.title == "River <Poem>")
        #expect(work.owners == [OwnerShare(address: alice.bech32m(on: .test), share: 100_000_000)])

        // The explorer escapes the title, shows the owner's share exactly, and search finds the work.
        let (status, page) = try await get(node, "/work/\(sent.id)")
        #expect(status == 200)
        #expect(page.contains("River &lt;Poem&gt;"))
        #expect(page.contains("100.000000%"))
        #expect(try await get(node, "/search?q=\(sent.id)").1.contains("River &lt;Poem&gt;"))
        #expect(try await get(node, "/tx/\(sent.id)").1.contains("registers"))

        // The same text from another account: refused at submission, naming the earlier work.
        let bob = Address(publicKey: try DevChain.account(1).publicKey)
        let copy = try signed(account: 1, nonce: 0, .registerWork(try registration(Self.poem, owner: bob)))
        do {
            _ = try await client.call(TxSend.self, TxSendParams(transaction: HexCoding.encode(copy.canonicalBytes)))
            Issue.record("a copy of a registered work was accepted")
        } catch {
            guard case let .server(object) = error else { throw error }
            #expect(object.message.contains("near-duplicate"), "\(object.message)")
            #expect(object.message.contains(sent.id), "\(object.message)")
        }

        // The match form says the uploaded copy is a duplicate of the registered work.
        let (matchStatus, matchPage) = try upload(node, Self.poem, fileName: "copy.txt")
        #expect(matchStatus == 200)
        #expect(matchPage.contains(sent.id))
        #expect(matchPage.contains("duplicate"))
    }

    /// Posts `text` as a multipart form upload to `/match` over a raw socket.
    func upload(_ node: FoliodProcess, _ text: String, fileName: String) throws -> (Int, String) {
        let boundary = "folio-test-boundary"
        let body = Data(("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
            + "Content-Type: text/plain\r\n\r\n\(text)\r\n--\(boundary)--\r\n").utf8)
        return try RawHTTP.exchange(
            port: node.port,
            head: "POST /match HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\n"
                + "Content-Length: \(body.count)\r\nConnection: close",
            body: body)
    }
}
