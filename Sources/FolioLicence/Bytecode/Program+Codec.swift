import FolioCore

extension Program: CanonicalCodable {
    /// Fields in declaration order; lists with varint counts.
    func encode(to writer: inout CanonicalWriter) {
        writer.write(LicenceLanguage.bytecodeVersion)
        writer.writeString(name)
        writer.write(gasScheduleVersion)
        writer.writeList(parameters)
        writer.writeList(counters)
        writer.writeList(variables)
        writer.writeList(constants)
        writer.writeList(clauses)
        writer.writeList(code)
    }

    init(from reader: inout CanonicalReader) throws(CodecError) {
        let version = try reader.readUInt32()
        guard version == LicenceLanguage.bytecodeVersion else { throw .invalidValue(type: "Program", reason: "bytecode version \(version)") }
        let name = try reader.readString(field: "name", cap: Limits.textBytes)
        let gasScheduleVersion = try reader.readUInt32()
        guard gasScheduleVersion == GasSchedule.version else {
            throw .invalidValue(type: "Program", reason: "gas schedule version \(gasScheduleVersion)")
        }
        self.init(name: name, gasScheduleVersion: gasScheduleVersion,
                  parameters: try reader.readList(field: "parameters", cap: Limits.declarations, minimumElementSize: 2),
                  counters: try reader.readList(field: "counters", cap: Limits.declarations, minimumElementSize: 3),
                  variables: try reader.readList(field: "variables", cap: Limits.declarations, minimumElementSize: 3),
                  constants: try reader.readList(field: "constants", cap: Limits.constants),
                  clauses: try reader.readList(field: "clauses", cap: Limits.clauses, minimumElementSize: 6),
                  code: try reader.readList(field: "code", cap: Limits.instructions))
    }
}

extension ParameterSlot: CanonicalCodable {
    func encode(to writer: inout CanonicalWriter) {
        writer.writeString(name)
        writer.write(type)
    }

    init(from reader: inout CanonicalReader) throws(CodecError) {
        name = try reader.readString(field: "parameter name", cap: Limits.identifierBytes)
        type = try reader.read()
    }
}

extension CounterSlot: CanonicalCodable {
    func encode(to writer: inout CanonicalWriter) {
        writer.writeString(name)
        writer.writeOptional(key)
        writer.write(value)
    }

    init(from reader: inout CanonicalReader) throws(CodecError) {
        name = try reader.readString(field: "counter name", cap: Limits.identifierBytes)
        key = try reader.readOptional()
        value = try reader.read()
    }
}

extension VariableSlot: CanonicalCodable {
    func encode(to writer: inout CanonicalWriter) {
        writer.writeString(name)
        writer.write(type)
        writer.write(initial)
    }

    init(from reader: inout CanonicalReader) throws(CodecError) {
        name = try reader.readString(field: "variable name", cap: Limits.identifierBytes)
        type = try reader.read()
        initial = try reader.read()
    }
}

extension CompiledClause: CanonicalCodable {
    func encode(to writer: inout CanonicalWriter) {
        switch sort {
        case .permission: writer.write(UInt8(0))
        case .prohibition: writer.write(UInt8(1))
        case .duty: writer.write(UInt8(2))
        case let .handler(kind): writer.write(3 + kind.rawValue)
        }
        writer.writeString(name)
        if let actions {
            writer.write(UInt8(1))
            writer.writeBlob(actions.map(\.rawValue))
        } else {
            writer.write(UInt8(0))
        }
        for entry in [condition, body] {
            if let entry {
                writer.write(UInt8(1))
                writer.writeVarInt(UInt64(entry))
            } else {
                writer.write(UInt8(0))
            }
        }
        writer.writeVarInt(UInt64(locals))
    }

    init(from reader: inout CanonicalReader) throws(CodecError) {
        let tag = try reader.readUInt8()
        switch tag {
        case 0: sort = .permission
        case 1: sort = .prohibition
        case 2: sort = .duty
        default:
            guard let kind = TransactionKind(rawValue: tag &- 3), tag >= 3 else { throw .unknownTag(type: "ClauseSort", tag: UInt64(tag)) }
            sort = .handler(kind)
        }
        name = try reader.readString(field: "clause name", cap: Limits.textBytes)
        if try reader.readBool() {
            var actions: [LicenceAction] = []
            for raw in try reader.readBlob(field: "actions", cap: LicenceAction.allCases.count) {
                guard let action = LicenceAction(rawValue: raw) else { throw .unknownTag(type: "Action", tag: UInt64(raw)) }
                actions.append(action)
            }
            self.actions = actions
        } else {
            actions = nil
        }
        condition = try reader.readBool() ? try Self.entry(&reader) : nil
        body = try reader.readBool() ? try Self.entry(&reader) : nil
        let locals = try reader.readVarInt()
        guard locals <= UInt64(Limits.locals) else { throw .invalidValue(type: "Clause", reason: "\(locals) locals") }
        self.locals = UInt16(locals)
    }

    private static func entry(_ reader: inout CanonicalReader) throws(CodecError) -> UInt32 {
        let value = try reader.readVarInt()
        guard value < UInt64(Limits.instructions) else { throw .invalidValue(type: "Clause", reason: "entry \(value)") }
        return UInt32(value)
    }
}
