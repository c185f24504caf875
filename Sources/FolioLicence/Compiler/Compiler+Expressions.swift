extension Compiler {
    /// Emits code that leaves the expression's value on the stack and returns its type.
    mutating func expression(_ expression: Expression) throws(LicenceError) -> LicenceType {
        let at = expression.location
        if let (type, value) = literal(expression) {
            emit(.push(try constant(value)))
            return type
        }
        switch expression.kind {
        case let .name(identifier): return try name(identifier, at: at)
        case let .index(name, key): return try counterRead(name, key: key, at: at)
        case let .path(root, member): return try path(root, member, at: at)
        case let .call(function, arguments): return try call(function, arguments, at: at)
        case let .negate(operand):
            let type = try self.expression(operand)
            guard type == .int || type == .decimal || type == .duration || type == .ratio else {
                throw .type(at, "'-' applies to Int, Decimal, Ratio or Duration, not \(type)")
            }
            emit(.neg)
            return type
        case let .not(operand):
            try expect(.bool, try self.expression(operand), at: operand.location, "the operand of 'not'")
            emit(.not)
            return .bool
        case let .binary(op, left, right): return try binary(op, left, right, at: at)
        case let .set(elements): return try setLiteral(elements, at: at)
        case let .shares(pairs):
            for pair in pairs {
                try expect(.party, try self.expression(pair.party), at: pair.party.location, "a share's party")
                try expect(.int, try self.expression(pair.weight), at: pair.weight.location, "a share's weight")
            }
            emit(.makeShares(UInt8(pairs.count)))
            return .shares
        default:
            throw .type(at, "this literal is out of range")
        }
    }

    /// The type and value of a literal, for constant pushes and variable initial values.
    func literal(_ expression: Expression) -> (LicenceType, LicenceValue)? {
        switch expression.kind {
        case let .integer(v): return (.int, .int(v))
        case let .decimal(v): return (.decimal, .int(v))
        case let .ratio(v): return (.ratio, .int(v))
        case let .money(v, currency): return (.money(currency: currency), .int(v))
        case let .duration(v): return (.duration, .int(v))
        case let .time(v): return (.time, .int(v))
        case let .text(v): return (.text, .text(v))
        case let .bool(v): return (.bool, .bool(v))
        case let .name(name) where lookupLocal(name) == nil && parameters[name] == nil
            && counters[name] == nil && variables[name] == nil:
            return Vocabulary.constant(named: name).map { ($0.0, .int($0.1)) }
        case let .path(category, name):
            return Vocabulary.constant(category: category, name: name).map { ($0.0, .int($0.1)) }
        case let .call("country", arguments):
            guard arguments.count == 1, case let .text(code) = arguments[0].kind,
                  let value = LicenceValue.territory(code) else { return nil }
            return (.territory, value)
        case let .negate(inner):
            guard let (type, value) = literal(inner), case let .int(v) = value, v != .min,
                  [.int, .decimal, .ratio, .duration].contains(type) else { return nil }
            return (type, .int(-v))
        default:
            return nil
        }
    }

    private mutating func name(_ name: String, at: SourcePosition) throws(LicenceError) -> LicenceType {
        if let local = lookupLocal(name) {
            emit(.local(local.slot))
            return local.type
        }
        if let parameter = parameters[name] {
            emit(.param(parameter.slot))
            return parameter.type
        }
        if let variable = variables[name] {
            emit(.variable(variable.slot))
            return variable.type
        }
        if let counter = counters[name] {
            guard counter.declaration.key == nil else { throw .type(at, "counter '\(name)' is keyed; write '\(name)[key]'") }
            emit(.counter(counter.slot, keyed: false))
            return counter.declaration.value
        }
        throw .type(at, "unknown name '\(name)'; expected a parameter, variable, counter, 'let' name or constant")
    }

    private mutating func counterRead(_ name: String, key: Expression, at: SourcePosition) throws(LicenceError) -> LicenceType {
        guard let counter = counters[name], let keyType = counter.declaration.key else {
            throw .type(at, "'\(name)' is not a keyed counter")
        }
        try expect(keyType, try expression(key), at: key.location, "the key of '\(name)'")
        emit(.counter(counter.slot, keyed: true))
        return counter.declaration.value
    }

    private mutating func path(_ root: String, _ member: String, at: SourcePosition) throws(LicenceError) -> LicenceType {
        guard let fact = Fact.named(root: root, member: member) else {
            throw .type(at, "unknown fact or constant '\(root).\(member)'; see docs/licence-language.md §6")
        }
        emit(.fact(fact))
        return fact.signature.type
    }

    private mutating func setLiteral(_ elements: [Expression], at: SourcePosition) throws(LicenceError) -> LicenceType {
        guard let first = elements.first else {
            throw .type(at, "an empty set '{}' has no element type; leave the condition out instead")
        }
        let element = try expression(first)
        guard element.isScalar else { throw .type(at, "set elements must be single values, not \(element)") }
        for other in elements.dropFirst() {
            try expect(element, try expression(other), at: other.location, "every element of this set")
        }
        emit(.makeSet(UInt8(elements.count)))
        return .set(element)
    }
}
