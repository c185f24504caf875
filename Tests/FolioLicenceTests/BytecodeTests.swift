import Testing
import FolioCore
@testable import FolioLicence

/// Published bytecode is canonical, round-trips, and hostile bytes are refused, not run.
@Suite struct BytecodeTests {
    static let source = """
    licence "round trip"
    param fee: Money(FOLIO)
    counter uses[Territory]: Int
    var since: Time = 2026-01-01
    prohibit "nc" any when use.purpose == commercial
    permit play, stream when use.territory isPartOf eu(ledger.time) and since <= ledger.time
    on accept {
      require tx.payment >= fee else "fee"
      pay fee split {licence.licensee: 1}
      for t in use.territory { uses[t] += 1 }
    }
    """

    @Test func publishedBytesDecodeToTheSameTemplate() throws {
        let compiled = try LicenceTemplate(source: BytecodeTests.source)
        let loaded = try LicenceTemplate(publishedBytes: compiled.bytes)
        #expect(loaded == compiled)
        #expect(loaded.id == compiled.id)
        #expect(loaded.worstCaseGas == compiled.worstCaseGas)
        #expect(loaded.program == compiled.program)
    }

    @Test func compilingTwiceGivesTheSameBytes() throws {
        #expect(try LicenceTemplate(source: BytecodeTests.source).bytes == LicenceTemplate(source: BytecodeTests.source).bytes)
    }

    @Test func everyTruncationIsRefusedWithoutCrashing() throws {
        let bytes = try LicenceTemplate(source: BytecodeTests.source).bytes
        for length in 0..<bytes.count {
            #expect(throws: LicenceError.self) { try LicenceTemplate(publishedBytes: Array(bytes.prefix(length))) }
        }
    }

    @Test func singleByteCorruptionsNeverCrash() throws {
        let bytes = try LicenceTemplate(source: BytecodeTests.source).bytes
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var corrupted = bytes
                corrupted[index] ^= flip
                if let loaded = try? LicenceTemplate(publishedBytes: corrupted) {
                    // Whatever decodes must still run within its gas.
                    let tx = LicenceTransaction(kind: .accept, sender: party(5), payment: Amount(baseUnits: 1000),
                                                use: DeclaredUse(action: .play, territories: ["DE"]))
                    let result = LicenceEvaluator.evaluate(tx, on: licence(loaded, parameters: ["fee": .int(10)]),
                                                           ledger: TestLedger(), gasLimit: 200)
                    #expect(result.gasUsed <= 200)
                }
            }
        }
    }

    @Test func aBackwardJumpIsRefused() {
        let program = Program(name: "x", gasScheduleVersion: 1, parameters: [], counters: [], variables: [], constants: [],
                              clauses: [], code: [.forEach(local: 0, bodyLength: 1, bound: 64), .jump(5), .ret])
        #expect(throws: LicenceError.self) { try LicenceTemplate(publishedBytes: program.canonicalBytes) }
    }
}
