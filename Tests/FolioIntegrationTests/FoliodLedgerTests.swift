import FolioAPI
import FolioCore
import FolioCrypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import FolioNode

/// A real `foliod` dev node: it seals blocks, takes a signed transfer over RPC, includes it,
/// moves balances exactly, refuses bad transactions with their reason, and keeps its chain
/// across a restart.
@Suite(.serialized) struct FoliodLedgerTests {
    static let devBalance: UInt64 = 1_000_000_000_000_000

    func devTransaction(account: Int, nonce: UInt64, fee: UInt64, _ payload: TransactionPayload) throws -> Transaction {
        let key = try DevChain.account(account)
        var transaction = Transaction(
            chainId: DevChain.chainId, sender: key.publicKey, nonce: nonce, fee: Amount(baseUnits: fee), payload: payload,
            signature: try Signature(bytes: [UInt8](repeating: 0, count: Signature.byteCount)))
        transaction.signature = try key.signature(for: transaction.signingBytes)
        return transaction
    }

    func address(_ account: Int) throws -> String {
        Address(publicKey: try DevChain.account(account).publicKey).bech32m(on: .test)
    }

    /// Polls `condition` every 200 ms for up to `seconds`.
    func eventually(_ seconds: Int = 30, _ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<(seconds * 5) {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }

    @Test func aSignedTransferIsSealedAndMovesBalancesExactly() async throws {
        let node = try FoliodProcess()
        defer { node.terminate() }
        #expect(try await node.waitUntilServing(), "foliod did not start: \(node.printed)")
        let client = try node.client()
        #expect(try await eventually { try await client.call(ChainInfo.self).height >= 2 }, "no blocks sealed")

        let recipient = try Address(publicKey: DevChain.account(1).publicKey)
        let transfer = try devTransaction(
            account: 0, nonce: 0, fee: 7, .transfer(Transfer(to: recipient, amount: Amount(baseUnits: 2500))))
        let sent = try await client.call(TxSend.self, TxSendParams(transaction: HexCoding.encode(transfer.canonicalBytes)))
        #expect(sent.id == transfer.id.hex)
        #expect(try await eventually { (try await client.call(TxGet.self, IdQuery(id: sent.id)).confirmations ?? 0) >= 1 })
        let included = try await client.call(TxGet.self, IdQuery(id: sent.id))
        #expect(included.kind == "transfer")
        #expect(included.height != nil)

        // 10^15 − 2500 − 7 and 10^15 + 2500, worked out by hand; the fee goes to the authority.
        let sender = try await client.call(AccountGet.self, AccountQuery(address: try address(0)))
        #expect(sender.balance == "999999999997493")
        #expect(sender.nonce == 1)
        let receiver = try await client.call(AccountGet.self, AccountQuery(address: try address(1)))
        #expect(receiver.balance == "1000000000002500")
        let authority = Address(publicKey: try DevChain.authority().publicKey).bech32m(on: .test)
        #expect(try await client.call(AccountGet.self, AccountQuery(address: authority)).balance == "7")

        // Replaying the same nonce is refused with the reason, and changes nothing.
        let replay = try devTransaction(
            account: 0, nonce: 0, fee: 9, .transfer(Transfer(to: recipient, amount: Amount(baseUnits: 1))))
        do {
            _ = try await client.call(TxSend.self, TxSendParams(transaction: HexCoding.encode(replay.canonicalBytes)))
            Issue.record("a used nonce was accepted")
        } catch {
            guard case let .server(object) = error else { throw error }
            #expect(object.message.contains("nonce"), "\(object.message)")
        }
        #expect(try await client.call(AccountGet.self, AccountQuery(address: try address(0))).nonce == 1)

        // The block holding the transfer is on the explorer.
        let height = try #require(included.height)
        let (page, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(node.port)/block/\(height)")!)
        #expect(String(decoding: page, as: UTF8.self).contains(sent.id))
    }

    @Test func aRestartKeepsTheChainAndSIGTERMExitsCleanly() async throws {
        let first = try FoliodProcess()
        defer { first.terminate() }
        #expect(try await first.waitUntilServing(), "foliod did not start: \(first.printed)")
        let client = try first.client()
        #expect(try await eventually { try await client.call(ChainInfo.self).height >= 3 })
        first.process.terminate()
        #expect(try await first.waitForExit(timeout: .seconds(10)) == 0, "\(first.printed)")
        let stopped = try #require(Self.lastStoppedHeight(in: first.printed), "no stop line: \(first.printed)")
        #expect(stopped >= 3)

        let second = try FoliodProcess(dataDirectory: first.dataDirectory)
        defer { second.terminate() }
        #expect(try await second.waitUntilServing(), "foliod did not restart: \(second.printed)")
        let info = try await second.client().call(ChainInfo.self)
        #expect(info.height >= stopped, "restarted at \(info.height), stopped at \(stopped)")
    }

    static func lastStoppedHeight(in output: String) -> UInt64? {
        guard let line = output.split(separator: "\n").last(where: { $0.contains("stopped") }),
              let range = line.range(of: "height=")
        else { return nil }
        return UInt64(line[range.upperBound...].prefix { $0.isNumber })
    }
}
