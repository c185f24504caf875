import FolioAPI
import FolioCore
import Foundation
import Testing
@testable import FolioNode

/// `work_list` on a real `foliod`: a work registered for dev account 0 is listed for its owner
/// (with its title and share) and not for account 1, a malformed owner or limit is -32602, and
/// the real `folio work list` prints the same listing.
@Suite(.serialized) struct WorkListTests {
    @Test func workListShowsTheOwnersWorksOverRPCAndInTheWallet() async throws {
        try await WalletNodeTests.withNode { node in
            let client = try node.foliod.client()
            let helper = FoliodWorkTests()
            let alice = Address(publicKey: try DevChain.account(0).publicKey).bech32m(on: .test)
            let bob = Address(publicKey: try DevChain.account(1).publicKey).bech32m(on: .test)

            // Nothing is listed before the registration.
            #expect(try await client.call(WorkList.self, WorkListParams(owner: alice)).isEmpty)

            let aliceAddress = try Address(bech32m: alice, network: .test)
            let register = try helper.signed(
                account: 0, nonce: 0, .registerWork(try helper.registration(FoliodWorkTests.poem, owner: aliceAddress)))
            let sent = try await client.call(TxSend.self, TxSendParams(transaction: HexCoding.encode(register.canonicalBytes)))
            var confirmed = false
            for _ in 0..<300 where !confirmed {
                confirmed = (try await client.call(TxGet.self, IdQuery(id: sent.id)).confirmations ?? 0) >= 1
                if !confirmed { try await Task.sleep(for: .milliseconds(200)) }
            }
            try #require(confirmed, "the registration was not included")

            // The owner's listing holds the work, its title and the whole share; account 1 has none.
            let listed = try await client.call(WorkList.self, WorkListParams(owner: alice, limit: 10))
            #expect(listed.map(\.id) == [sent.id])
            #expect(listed.first?.title == "River <Poem>")
            #expect(listed.first?.owners == [OwnerShare(address: alice, share: 100_000_000)])
            #expect(listed.first == (try await client.call(WorkGet.self, IdQuery(id: sent.id))))
            #expect(try await client.call(WorkList.self, WorkListParams(owner: bob)) == [])

            // Malformed parameters are -32602, naming the parameter.
            for (params, name) in [(WorkListParams(owner: "tfolio1notanaddress"), "owner"),
                                   (WorkListParams(owner: alice, limit: 0), "limit"),
                                   (WorkListParams(owner: alice, limit: WorkListParams.maxLimit + 1), "limit")] {
                do {
                    let answer = try await client.call(WorkList.self, params)
                    Issue.record("work_list \(params) answered \(answer) instead of -32602")
                } catch {
                    guard case let .server(object)? = error as? RPCClientError else { throw error }
                    #expect(object.code == .invalidParams, "\(object)")
                    #expect(object.message.contains("\"\(name)\""), "\(object.message)")
                }
            }

            // The real wallet: a table with the title and share for the owner, JSON equal to the RPC answer.
            let table = try await node.folio(["work", "list", "--owner", alice])
            #expect(table.status == 0, "folio work list: \(table.error)")
            #expect(table.output.contains("River <Poem>"), "\(table.output)")
            #expect(table.output.contains(sent.id), "\(table.output)")
            #expect(table.output.contains("100000000 (100.0%)"), "\(table.output)")

            let json = try await node.folio(["work", "list", "--owner", alice, "--json"])
            #expect(json.status == 0, "folio work list --json: \(json.error)")
            #expect(try JSONDecoder().decode([WorkSummary].self, from: Data(json.output.utf8)) == listed)

            let none = try await node.folio(["work", "list", "--owner", bob])
            #expect(none.status == 0, "\(none.error)")
            #expect(!none.output.contains(sent.id), "\(none.output)")
            #expect(none.output.contains("no registered work"), "\(none.output)")

            // Without --owner the first key's address is listed, as `balance` does.
            let first = try #require(try await node.addresses().first)
            let byDefault = try await node.folio(["work", "list", "--json"])
            #expect(byDefault.status == 0, "\(byDefault.error)")
            #expect(try JSONDecoder().decode([WorkSummary].self, from: Data(byDefault.output.utf8))
                    == (try await client.call(WorkList.self, WorkListParams(owner: first))))

            // A bad --owner is a usage error before anything is asked.
            #expect(try await node.folio(["work", "list", "--owner", "nonsense"]).status == 2)
        }
    }
}
