extension Compiler {
    mutating func block(_ statements: [Statement]) throws(LicenceError) {
        scopes.append([:])
        let savedLocal = nextLocal
        defer {
            scopes.removeLast()
            nextLocal = savedLocal
        }
        for statement in statements { try self.statement(statement) }
    }

    private mutating func statement(_ statement: Statement) throws(LicenceError) {
        let at = statement.location
        switch statement.kind {
        case let .let(name, value):
            let type = try expression(value)
            emit(.setLocal(try bindLocal(name, type, at: at)))
        case let .require(condition, reason):
            try expect(.bool, try expression(condition), at: condition.location, "a requirement")
            emit(.require(reason: try constant(.bytes(Array(reason.utf8)))))
        case let .payTo(amount, party):
            try payment(amount)
            try expect(.party, try expression(party), at: party.location, "the payee")
            emit(.pay)
        case let .paySplit(amount, shares):
            try payment(amount)
            try expect(.shares, try expression(shares), at: shares.location, "what a payment is split by")
            emit(.paySplit)
        case let .addCounter(name, key, value):
            try addCounter(name, key: key, value: value, at: at)
        case let .set(name, value):
            guard let variable = variables[name] else {
                throw .type(at, "'\(name)' is not a declared variable; declare it with 'var \(name): Type = value'")
            }
            try expect(variable.type, try expression(value), at: value.location, "the new value of '\(name)'")
            emit(.setVariable(variable.slot))
        case let .if(condition, then, otherwise):
            try expect(.bool, try expression(condition), at: condition.location, "an 'if' condition")
            let branch = code.count
            emit(.jumpIfFalse(0))
            try block(then)
            if otherwise.isEmpty {
                code[branch] = .jumpIfFalse(UInt32(code.count - branch - 1))
            } else {
                let skip = code.count
                emit(.jump(0))
                code[branch] = .jumpIfFalse(UInt32(code.count - branch - 1))
                try block(otherwise)
                code[skip] = .jump(UInt32(code.count - skip - 1))
            }
        case let .forEach(name, collection, body):
            let type = try expression(collection)
            guard let element = type.element else {
                throw .type(collection.location, "'for' needs a Set, List or Shares, found \(type)")
            }
            scopes.append([:])
            let savedLocal = nextLocal
            let slot = try bindLocal(name, element, at: at)
            let start = code.count
            emit(.forEach(local: slot, bodyLength: 0, bound: UInt16(Limits.collection)))
            try block(body)
            emit(.next)
            code[start] = .forEach(local: slot, bodyLength: UInt32(code.count - start - 1), bound: UInt16(Limits.collection))
            scopes.removeLast()
            nextLocal = savedLocal
        case let .status(change):
            emit(.setStatus(change.result))
        case let .emit(event):
            emit(.emit(try constant(.bytes(Array(event.utf8)))))
        }
    }

    private mutating func payment(_ amount: Expression) throws(LicenceError) {
        let type = try expression(amount)
        guard type == .money(currency: Fact.ledgerCurrency) else {
            throw .type(amount.location, "payments on Folio are made in \(Fact.ledgerCurrency); found \(type)")
        }
    }

    private mutating func addCounter(_ name: String, key: Expression?, value: Expression, at: SourcePosition) throws(LicenceError) {
        guard let (slot, declaration) = counters[name] else {
            throw .type(at, "'\(name)' is not a declared counter; declare it with 'counter \(name): Int'")
        }
        switch (declaration.key, key) {
        case let (keyType?, key?):
            try expect(keyType, try expression(key), at: key.location, "the key of '\(name)'")
        case (nil, nil): break
        case (nil, _?): throw .type(at, "counter '\(name)' has no key; write '\(name) += value'")
        case (_?, nil): throw .type(at, "counter '\(name)' is keyed; write '\(name)[key] += value'")
        }
        try expect(declaration.value, try expression(value), at: value.location, "what is added to '\(name)'")
        emit(.addCounter(slot, keyed: key != nil))
    }
}
