import FolioCore

extension Instruction: CanonicalCodable {
    /// An opcode byte, then operands (indices and offsets as varints, modes as one byte).
    func encode(to writer: inout CanonicalWriter) {
        func op(_ code: UInt8, _ operands: UInt64...) {
            writer.write(code)
            for operand in operands { writer.writeVarInt(operand) }
        }
        switch self {
        case let .push(i): op(0, UInt64(i))
        case let .param(i): op(1, UInt64(i))
        case let .local(i): op(2, UInt64(i))
        case let .setLocal(i): op(3, UInt64(i))
        case let .variable(i): op(4, UInt64(i))
        case let .setVariable(i): op(5, UInt64(i))
        case let .counter(i, keyed): op(6, UInt64(i), keyed ? 1 : 0)
        case let .addCounter(i, keyed): op(7, UInt64(i), keyed ? 1 : 0)
        case let .fact(fact): op(8, UInt64(fact.rawValue))
        // Opcode 9 (a bare pop) is retired: no compiler emitted it, so it is unknown to the decoder.
        case let .jump(offset): op(10, UInt64(offset))
        case let .jumpIfFalse(offset): op(11, UInt64(offset))
        case .add: op(12)
        case .sub: op(13)
        case .subMoney: op(14)
        case .mul: op(15)
        case .neg: op(16)
        case let .mulScaled(r): op(17, UInt64(r.rawValue))
        case let .div(r): op(18, UInt64(r.rawValue))
        case let .divScaled(r): op(19, UInt64(r.rawValue))
        case let .unscale(r): op(20, UInt64(r.rawValue))
        case let .compare(c): op(21, UInt64(c.rawValue))
        case .not: op(22)
        case .and: op(23)
        case .or: op(24)
        case .xone: op(25)
        case let .setOp(s): op(26, UInt64(s.rawValue))
        case .coalesce: op(27)
        case let .call(b): op(28, UInt64(b.rawValue))
        case let .makeSet(n): op(29, UInt64(n))
        case let .makeShares(n): op(30, UInt64(n))
        case let .forEach(local, length, bound): op(31, UInt64(local), UInt64(length), UInt64(bound))
        case .next: op(32)
        case let .require(reason): op(33, UInt64(reason))
        case .pay: op(34)
        case .paySplit: op(35)
        case let .setStatus(status): op(36, UInt64(status.rawValue))
        case let .emit(i): op(37, UInt64(i))
        case .ret: op(38)
        }
    }

    init(from reader: inout CanonicalReader) throws(CodecError) {
        let code = try reader.readUInt8()
        func operand<T: FixedWidthInteger>(_ type: T.Type = T.self) throws(CodecError) -> T {
            let value = try reader.readVarInt()
            guard let narrowed = T(exactly: value) else { throw .invalidValue(type: "Instruction", reason: "operand \(value) out of range") }
            return narrowed
        }
        func mode<E: RawRepresentable>(_ type: E.Type) throws(CodecError) -> E where E.RawValue == UInt8 {
            let raw: UInt8 = try operand()
            guard let value = E(rawValue: raw) else { throw .unknownTag(type: "\(E.self)", tag: UInt64(raw)) }
            return value
        }
        func flag() throws(CodecError) -> Bool {
            let raw: UInt8 = try operand()
            guard raw <= 1 else { throw .invalidValue(type: "Instruction", reason: "flag \(raw)") }
            return raw == 1
        }
        switch code {
        case 0: self = .push(try operand())
        case 1: self = .param(try operand())
        case 2: self = .local(try operand())
        case 3: self = .setLocal(try operand())
        case 4: self = .variable(try operand())
        case 5: self = .setVariable(try operand())
        case 6: self = .counter(try operand(), keyed: try flag())
        case 7: self = .addCounter(try operand(), keyed: try flag())
        case 8: self = .fact(try mode(Fact.self))
        case 10: self = .jump(try operand())
        case 11: self = .jumpIfFalse(try operand())
        case 12: self = .add
        case 13: self = .sub
        case 14: self = .subMoney
        case 15: self = .mul
        case 16: self = .neg
        case 17: self = .mulScaled(try mode(Rounding.self))
        case 18: self = .div(try mode(Rounding.self))
        case 19: self = .divScaled(try mode(Rounding.self))
        case 20: self = .unscale(try mode(Rounding.self))
        case 21: self = .compare(try mode(Comparison.self))
        case 22: self = .not
        case 23: self = .and
        case 24: self = .or
        case 25: self = .xone
        case 26: self = .setOp(try mode(SetOperator.self))
        case 27: self = .coalesce
        case 28: self = .call(try mode(Builtin.self))
        case 29: self = .makeSet(try operand())
        case 30: self = .makeShares(try operand())
        case 31: self = .forEach(local: try operand(), bodyLength: try operand(), bound: try operand())
        case 32: self = .next
        case 33: self = .require(reason: try operand())
        case 34: self = .pay
        case 35: self = .paySplit
        case 36: self = .setStatus(try mode(LicenceStatus.self))
        case 37: self = .emit(try operand())
        case 38: self = .ret
        default: throw .unknownTag(type: "Instruction", tag: UInt64(code))
        }
    }
}
