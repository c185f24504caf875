extension Machine {
    mutating func call(_ builtin: Builtin, _ pc: Int) throws(MachineStop) {
        switch builtin {
        case .min, .max:
            let b = try popInt(pc)
            let a = try popInt(pc)
            guard let a, let b else { return stack.append(.unknown) }
            stack.append(.int(builtin == .min ? Swift.min(a, b) : Swift.max(a, b)))
        case .len:
            // Counted in place: `elements(of:)` would build an array of a Shares' parties.
            switch try pop(pc) {
            case let .set(elements), let .list(elements): stack.append(.int(Int64(elements.count)))
            case let .shares(shares): stack.append(.int(Int64(shares.count)))
            case .unknown: stack.append(.unknown)
            default: throw .trap("operand is not a collection", pc: pc)
            }
        case .known:
            let value = try pop(pc)
            stack.append(value == .unknown && inputs.assumed != nil ? .unknown : .bool(value != .unknown))
        case .eu:
            guard let time = try popInt(pc) else { return stack.append(.unknown) }
            stack.append(Territory.euMembers(at: time))
        case .month:
            guard let time = try popInt(pc) else { return stack.append(.unknown) }
            stack.append(.int(Calendar.monthIndex(time: time)))
        case .monthStart:
            guard let month = try popInt(pc) else { return stack.append(.unknown) }
            guard let start = Calendar.monthStart(index: month) else { throw .trap("month outside years 1 to 9999", pc: pc) }
            stack.append(.int(start))
        case .owners:
            let work = try pop(pc)
            guard case let .bytes(id) = work else { return stack.append(.unknown) }
            stack.append(inputs.owners(of: id))
        case .otherGrants:
            guard let code = try popInt(pc), let action = LicenceAction(rawValue: UInt8(truncatingIfNeeded: code)),
                  code >= 0, code <= 255 else { return stack.append(.unknown) }
            stack.append(inputs.otherGrants(action))
        }
    }

    mutating func makeShares(_ count: Int, _ pc: Int) throws(MachineStop) {
        let values = try popMany(count * 2, pc)
        var shares: [Share] = []
        for index in 0..<count {
            let party = values[index * 2]
            let weight = values[index * 2 + 1]
            if party == .unknown || weight == .unknown { return stack.append(.unknown) }
            guard case let .bytes(bytes) = party, case let .int(w) = weight else { throw .trap("malformed share", pc: pc) }
            guard w >= 0 else { throw .trap("negative share weight", pc: pc) }
            shares.append(Share(party: bytes, weight: w))
        }
        guard let value = LicenceValue.canonicalShares(shares) else { throw .trap("integer overflow", pc: pc) }
        stack.append(value)
    }

    mutating func paySplit(_ pc: Int) throws(MachineStop) {
        let sharesValue = try pop(pc)
        let amount = try popKnownInt(pc)
        guard amount >= 0 else { throw .trap("negative payment", pc: pc) }
        guard case let .shares(shares) = sharesValue else {
            if sharesValue == .unknown { throw .refused("unknown fact") }
            throw .trap("split needs shares", pc: pc)
        }
        guard shares.count <= Limits.collection else { throw .refused("more than \(Limits.collection) shares") }
        guard let parts = RoyaltySplit.split(UInt64(amount), among: shares) else {
            throw .refused("shares have no weight")
        }
        for part in parts { try record(payment: Int64(part.amount), to: part.party, pc) }
    }
}
