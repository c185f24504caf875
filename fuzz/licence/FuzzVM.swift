import FolioCore
import FolioLicence

// libFuzzer entry point for the metered VM. Byte 0 picks how the rest becomes a program:
// odd → published bytecode (decoder and verifier), so the VM meets programs no compiler would
// write; even → licence source, compiled, so mutations of the seed templates stay deep.
// Every program that loads is run for every transaction kind with a small gas limit, against
// a ledger that knows one work with two ancestors. Loading must only throw, and the VM must
// stop within its gas: anything else is a bug, reported by trapping here.
let gasLimit: UInt64 = 200_000
let party = Address(bytes: Array(repeating: 7, count: 20))!
let work = Hash256(bytes: Array(repeating: 1, count: 32))!

struct FuzzLedger: LicenceLedgerView {
    let height: UInt64 = 100
    let time: Int64 = 1_767_225_600
    let chainId = "1337"

    func work(_ id: Hash256) -> WorkFacts? {
        WorkFacts(id: id, owners: [Share(party: party, weight: 1)], registeredAt: 1_700_000_000, media: .audio,
                  parents: [id], ancestors: [id, id], upstreamState: .active)
    }

    func grants(of action: LicenceAction, on work: Hash256, excluding licence: Hash256) -> [String]? { ["FR"] }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLicenceVM(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let mode = bytes.first else { return 0 }
    let body = Array(bytes.dropFirst())
    let template: LicenceTemplate?
    if mode & 1 == 0 {
        template = try? LicenceTemplate.publishing(source: String(decoding: body, as: UTF8.self), gasCap: gasLimit)
    } else {
        template = try? LicenceTemplate(publishedBytes: body, gasCap: gasLimit)
    }
    guard let template else { return 0 }
    let licence = Licence(id: work, template: template, parameters: [:], work: work, issuedAt: 1_767_000_000, licensee: party,
                          licensors: [Share(party: party, weight: 3)], state: LicenceTermsState(status: .active))
    for kind in TransactionKind.allCases {
        var use = DeclaredUse(action: LicenceAction.allCases[Int(mode >> 1) % LicenceAction.allCases.count],
                              territories: ["DE"], medium: .audio, count: Int64(mode), revenue: Amount(baseUnits: 12_345))
        use.attributed = mode & 2 == 0
        let transaction = LicenceTransaction(kind: kind, sender: party, payment: Amount(baseUnits: 1_000_000), use: use)
        let evaluation = LicenceEvaluator.evaluate(transaction, on: licence, ledger: FuzzLedger(), gasLimit: gasLimit)
        if evaluation.gasUsed > gasLimit { fatalError("the VM used \(evaluation.gasUsed) gas over its limit of \(gasLimit)") }
    }
    return 0
}
