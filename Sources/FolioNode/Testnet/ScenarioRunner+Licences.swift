import FolioAPI
import FolioCore
import Foundation

extension ScenarioRunner {
    /// The `licences-final` check. On every running node: each licence the story had
    /// admitted is active and its `totalPaid` equals the royalties worked out by hand from the
    /// terms and the reported counts (`LicensingLedger.expectedTotalPaid`); and the licensor,
    /// producer and licensee each hold exactly the genesis prefund, less 10 base units per
    /// nonce (fees), plus what the royalties moved (`LicensingLedger.movements`). Those
    /// accounts send registrations and licensing steps but never transfers, so nothing else
    /// moves their balances. Fails if the story accepted no licence or sent no report.
    func licencesFinal(_ ledger: LicensingLedger?, state: TestnetState, within: Double) async -> (Bool, String) {
        guard let ledger, !ledger.licences.isEmpty, ledger.reportCount > 0 else {
            return (false, "licences-final: the licensing story accepted no licence or sent no report (is `licences-per-second` set?)")
        }
        let movements = ledger.movements()
        let expectedPaid = ledger.licences.reduce(0) { $0 + ledger.expectedTotalPaid($1) }
        var mismatch = ""
        let ok = await pollClients(within, state: state) { clients in
            for client in clients {
                if let problem = await Self.licenceMismatch(ledger, movements: movements, client: client) {
                    mismatch = problem
                    return false
                }
            }
            return true
        }
        let summary = "\(ledger.licences.count) licences active on every running node, totalPaid = hand-computed royalties "
            + "(\(ledger.reportCount) reports, \(expectedPaid) base units), "
            + "licensor, producer and licensee balances = prefund − fees ± royalties"
        return (ok, summary + " within \(Int(within)) s" + (ok ? "" : "; last mismatch: \(mismatch)"))
    }

    /// What on `client`'s node differs from the ledger's expectations, or nil if nothing.
    static func licenceMismatch(_ ledger: LicensingLedger, movements: [Address: Int64], client: RPCClient) async -> String? {
        for licence in ledger.licences {
            guard let summary = try? await client.call(LicenceCheck.self, IdQuery(id: licence.id)) else {
                return "licence \(licence.id.prefix(12)) unknown at \(client.endpoint)"
            }
            let expected = ledger.expectedTotalPaid(licence)
            guard summary.state == "active", summary.totalPaid == String(expected) else {
                return "licence \(licence.id.prefix(12)) is \(summary.state) with totalPaid \(summary.totalPaid), "
                    + "expected active with \(expected)"
            }
        }
        for (address, moved) in movements.sorted(by: { $0.key < $1.key }) {
            let text = address.bech32m(on: .test)
            guard let account = try? await client.call(AccountGet.self, AccountQuery(address: text)),
                  let balance = Int64(account.balance) else { return "account \(text) unreadable at \(client.endpoint)" }
            let expected = Int64(DevChain.prefundBaseUnits) - Int64(account.nonce) * Int64(LoadGenerator.fee) + moved
            guard balance == expected else { return "account \(text) holds \(balance), expected \(expected) (moved \(moved))" }
        }
        return nil
    }

    /// One line on what the licensing story did.
    static func licensingSummary(_ story: LicensingStory) -> String {
        let paid = story.ledger.licences.reduce(0) { $0 + $1.acceptancePayment + $1.reports.reduce(0) { $0 + $1.payment } }
        let done = story.threads.filter { $0.step == .done }.count - story.stalled
        return "licensing: template \(story.templatePublished ? "published" : "not published"), \(story.threads.count) licences begun, "
            + "\(story.ledger.licences.count) accepted, \(story.ledger.reportCount) reports paying \(paid) base units, "
            + "\(done) finished, \(story.stalled) given up after a stall"
    }
}
