import FolioCore
@testable import FolioLicence
import Testing

/// The JSON vectors must exercise every instruction of the VM (issue: "one test case each,
/// covering every instruction"). The opcodes the vectors' programs compile to are gathered
/// and compared with the full instruction set, which is read from the decoder: every opcode
/// byte the bytecode reader accepts.
@Suite struct InstructionCoverageTests {
    /// Opcode byte of an instruction (its first encoded byte).
    static func opcode(_ instruction: Instruction) -> UInt8 {
        var writer = CanonicalWriter()
        instruction.encode(to: &writer)
        return writer.bytes[0]
    }

    /// Every opcode the decoder knows: a byte is one if, followed by zero operands, it
    /// decodes or fails only for want of operands (rather than as an unknown opcode).
    static var everyOpcode: Set<UInt8> {
        var known: Set<UInt8> = []
        for code in UInt8.min...UInt8.max {
            var reader = CanonicalReader([code] + Array(repeating: 0, count: 8))
            if (try? Instruction(from: &reader)) != nil { known.insert(code) }
        }
        return known
    }

    @Test func theVectorsCoverEveryInstruction() throws {
        var covered: Set<UInt8> = []
        for vector in VectorTests.vm {
            guard let template = try? LicenceTemplate(source: vector.source.joined(separator: "\n")) else { continue }
            covered.formUnion(template.program.code.map(Self.opcode))
        }
        let missing = Self.everyOpcode.subtracting(covered).sorted()
        #expect(missing.isEmpty, "opcodes no vector exercises: \(missing)")
        // Opcodes 0...38 less the retired 9: the decoder-derived set is not empty by accident.
        #expect(Self.everyOpcode.count == 38)
    }
}
