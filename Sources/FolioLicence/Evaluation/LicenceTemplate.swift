import FolioCore

/// A compiled licence template: the unit that is published once and named by its id.
public struct LicenceTemplate: Sendable, Equatable {
    let program: Program
    /// The most gas one transaction can spend under this template (schedule version 1).
    public let worstCaseGas: UInt64
    /// The canonical bytecode that is published.
    public let bytes: [UInt8]
    /// The template id: SHA-256 of `bytes`.
    public let id: Hash256

    init(program: Program, worstCaseGas: UInt64) {
        self.program = program
        self.worstCaseGas = worstCaseGas
        bytes = program.canonicalBytes
        id = SHA256.hash(bytes)
    }

    /// Compiles licence source, refusing it when its worst-case gas is over `gasCap`.
    public init(source: String, gasCap: UInt64 = LicenceLanguage.defaultGasCap) throws(LicenceError) {
        let (program, worst) = try Compiler.compile(source, gasCap: gasCap)
        self.init(program: program, worstCaseGas: worst)
    }

    /// Loads published bytecode, validating it and recomputing its worst-case gas.
    public init(publishedBytes: [UInt8], gasCap: UInt64 = LicenceLanguage.defaultGasCap) throws(LicenceError) {
        let program: Program
        do {
            program = try Program(canonicalBytes: publishedBytes)
        } catch {
            throw .bytecode("\(error)")
        }
        try ProgramValidator.validate(program)
        let worst = WorstCaseGas.program(program)
        guard worst <= gasCap else { throw .gasOverCap(worstCase: worst, cap: gasCap) }
        self.init(program: program, worstCaseGas: worst)
    }

    /// The template's name as declared in its source.
    public var name: String { program.name }

    /// Parameter names and types, in declaration order.
    public var parameters: [(name: String, type: LicenceType)] { program.parameters.map { ($0.name, $0.type) } }

    public static func == (a: LicenceTemplate, b: LicenceTemplate) -> Bool { a.bytes == b.bytes }
}
