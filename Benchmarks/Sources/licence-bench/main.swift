import FolioChain
import FolioCore
import FolioLicence
#if canImport(Glibc)
import Glibc
#endif

// B14 of BENCHMARKS.md: royalty settlements per CPU-second, absolute (target ≥ 20,000). One
// settlement is what a node does for a usage report under the terms: the chain's licence engine
// (`InterpretedLicenceEngine.evaluateUsage`) decodes the licence's stored terms state, binds
// the offer, runs the metered VM and returns every payment, then `PaymentSplit`-style direct
// payments are summed as the chain would move them. The terms below pay 80% of the reported
// revenue among the work's 10 owners and 10% to the owners of each of its 3 ancestors (each
// with 10 owners). Usage: licence-bench b14 [seconds]   (one JSON line on standard output)

let terms = """
licence "b14"
counter reported: Money(FOLIO)
permit stream
on report {
  reported += use.revenue
  pay floor(use.revenue * 80%) split licence.licensors
  for ancestor in work.ancestors {
    pay floor(use.revenue * 10%) split owners(ancestor)
  }
}
"""

func address(_ seed: UInt8, _ index: Int) -> Address { Address(bytes: [seed, UInt8(index)] + Array(repeating: 0, count: 18))! }
func hash(_ seed: UInt8) -> Hash256 { Hash256(bytes: Array(repeating: seed, count: 32))! }
func owners(_ seed: UInt8) -> [Ownership] {
    (0..<10).map { Ownership(owner: address(seed, $0), share: $0 == 0 ? 10_000_004 : 9_999_996) }
}

func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
if arguments.count > 1, arguments[1] == "b13" { exit(runB13(arguments.dropFirst(2))) }
guard arguments.count > 1, arguments[1] == "b14" else {
    print("usage: licence-bench b13 [iterations] [rounds]   (B13.swift)\n       licence-bench b14 [seconds]")
    exit(2)
}
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 3 : 3

let engine = InterpretedLicenceEngine(chainId: 1337)
let template = PublishTemplate(languageVersion: 1, body: .source(terms))
do { try engine.checkTemplate(template) } catch {
    print("the B14 terms do not compile: \(error)")
    exit(1)
}
let work = hash(1), ancestors = [hash(2), hash(3), hash(4)]
let offer = OfferRecord(id: hash(9), offerer: address(1, 0), offer: OfferLicence(
    workId: work, templateId: template.id, parameters: [], legalTextHash: hash(8)),
    offered: ChainPosition(height: 1, timestamp: 1_767_225_600), revoked: false)
let licence = LicenceRecord(id: hash(10), offerId: offer.id, workId: work, licensee: address(9, 0),
                            useParameters: [InterpretedLicenceEngine.parameter("action", .int(Int64(LicenceAction.stream.rawValue)))],
                            issued: ChainPosition(height: 2, timestamp: 1_767_225_700), state: .active, totalPaid: .zero)
var works: [WorkId: WorkContext] = [work: WorkContext(owners: owners(1), registeredAt: 1_767_000_000, mediaType: .audio,
                                                      parents: [ancestors[0]], ancestors: ancestors, upstreamState: .active)]
for (index, ancestor) in ancestors.enumerated() {
    works[ancestor] = WorkContext(owners: owners(UInt8(2 + index)), registeredAt: 1_766_000_000, mediaType: .audio)
}
let context = LicenceContext(sender: licence.licensee, owners: owners(1), position: ChainPosition(height: 3, timestamp: 1_767_300_000),
                             works: works)
let report = ReportUsage(licenceId: licence.id, action: "stream", count: 1_000,
                         period: UsagePeriod(start: 1_764_547_200, end: 1_767_225_600),
                         revenue: Amount(baseUnits: 1_234_567), payment: Amount(baseUnits: 1_358_021))

// Check once that the settlement is the one described: 40 payees; the terms pay 110% of the
// revenue (80% to the owners, 10% to each of three ancestors): floor(987,653.6) = 987,653 and
// 3 × floor(123,456.7) = 370,368, so 1,358,021 due.
let decision: LicenceDecision
do { decision = try engine.evaluateUsage(report, licence: licence, offer: offer, template: template, context: context) } catch {
    print("the B14 report was refused: \(error)")
    exit(1)
}
guard decision.directPayments.count == 40, decision.amountDue.baseUnits == 1_358_021 else {
    print("expected 40 payees and 1,358,021 due, got \(decision.directPayments.count) and \(decision.amountDue.baseUnits)")
    exit(1)
}

var settled = 0
var checksum: UInt64 = 0
let start = processCPUSeconds()
var elapsed = 0.0
repeat {
    for _ in 0..<1_000 {
        if let decision = try? engine.evaluateUsage(report, licence: licence, offer: offer, template: template, context: context) {
            checksum &+= decision.amountDue.baseUnits &+ UInt64(decision.directPayments.count)
            settled += 1
        }
    }
    elapsed = processCPUSeconds() - start
} while elapsed < seconds
print("{\"benchmark\":\"b14-royalty-settlement\",\"per_cpu_second\":\(Int(Double(settled) / elapsed)),\"payees\":40,\"amount_due\":\(decision.amountDue.baseUnits),\"checksum\":\(checksum % 1000)}")
