import FolioCore
import Testing
@testable import FolioLicence

/// A ledger view over fixed tables, for tests.
struct TestLedger: LicenceLedgerView {
    var height: UInt64 = 100
    var time: Int64 = 1_767_225_600 // 2026-01-01T00:00:00Z
    var chainId = "folio-test"
    var works: [Hash256: WorkFacts] = [:]
    var grants: [LicenceAction: [String]] = [:]

    func work(_ id: Hash256) -> WorkFacts? { works[id] }

    func grants(of action: LicenceAction, on work: Hash256, excluding licence: Hash256) -> [String]? {
        grants[action] ?? []
    }
}

/// Short names for test parties and ids: party(n) is twenty bytes of n, id(n) thirty-two.
func party(_ n: UInt8) -> Address { Address(bytes: Array(repeating: n, count: 20))! }

func id(_ n: UInt8) -> Hash256 { Hash256(bytes: Array(repeating: n, count: 32))! }

/// Compiles `source`, recording a test failure and returning nil when it does not compile.
func template(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LicenceTemplate? {
    do {
        return try LicenceTemplate(source: source)
    } catch {
        Issue.record("did not compile: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A licence on work 9 licensed by parties 1 (70) and 2 (30).
func licence(_ template: LicenceTemplate, parameters: [String: LicenceValue] = [:], state: LicenceTermsState = LicenceTermsState(status: .active),
             issuedAt: Int64? = 1_767_225_600) -> Licence {
    Licence(id: id(7), template: template, parameters: parameters, work: id(9), issuedAt: issuedAt, licensee: party(5),
            licensors: [Share(party: party(1), weight: 70), Share(party: party(2), weight: 30)], state: state)
}
