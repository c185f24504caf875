extension Machine {
    mutating func call(_ builtin: Builtin, _ pc: Int) throws(MachineStop) {
        switch builtin {
        case .min: try minMax(pc, min: true)
        case .max: try minMax(pc, min: false)
        case .len: try length(pc)
        case .known:
            let value = try pop(pc)
            stack.push(value: value == .unknown && symbolic ? .unknown : .bool(value != .unknown))
        case .eu:
            guard let time = try popInt(pc) else { return stack.push(.unknown) }
            stack.push(value: Territory.euMembers(at: time))
        case .month:
            guard let time = try popInt(pc) else { return stack.push(.unknown) }
            stack.push(.int(Calendar.monthIndex(time: time)))
        case .monthStart:
            guard let month = try popInt(pc) else { return stack.push(.unknown) }
            guard let start = Calendar.monthStart(index: month) else { throw .trap("month outside years 1 to 9999", pc: pc) }
            stack.push(.int(start))
        case .owners:
            let work = try pop(pc)
            guard case let .bytes(id) = work else { return stack.push(.unknown) }
            stack.push(value: inputs.owners(of: id))
        case .otherGrants:
            guard let code = try popInt(pc), let action = LicenceAction(rawValue: UInt8(truncatingIfNeeded: code)),
                  code >= 0, code <= 255 else { return stack.push(.unknown) }
            stack.push(value: inputs.otherGrants(action))
        }
    }

    @inline(__always)
    mutating func minMax(_ pc: Int, min: Bool) throws(MachineStop) {
        let b = try popInt(pc)
        let a = try popInt(pc)
        guard let a, let b else { return stack.push(.unknown) }
        stack.push(.int(min ? Swift.min(a, b) : Swift.max(a, b)))
    }

    /// Counted in place: `elements(of:)` would build an array of a Shares' parties.
    @inline(__always)
    mutating func length(_ pc: Int) throws(MachineStop) {
        let slot = try popSlot(pc)
        switch slot.kind {
        case .unknown: return stack.push(.unknown)
        case .boxed: break
        default: throw .trap("operand is not a collection", pc: pc)
        }
        let count: Int
        switch stack.boxes[stack.count] {
        case let .set(elements), let .list(elements): count = elements.count
        case let .shares(shares): count = shares.count
        default: throw .trap("operand is not a collection", pc: pc)
        }
        stack.push(.int(Int64(count)))
    }

    mutating func makeShares(_ count: Int, _ pc: Int) throws(MachineStop) {
        let values = try popMany(count * 2, pc)
        var shares: [Share] = []
        for index in 0..<count {
            let party = values[index * 2]
            let weight = values[index * 2 + 1]
            if party == .unknown || weight == .unknown { return stack.push(.unknown) }
            guard case let .bytes(bytes) = party, case let .int(w) = weight else { throw .trap("malformed share", pc: pc) }
            guard w >= 0 else { throw .trap("negative share weight", pc: pc) }
            shares.append(Share(party: bytes, weight: w))
        }
        guard let value = LicenceValue.canonicalShares(shares) else { throw .trap("integer overflow", pc: pc) }
        stack.push(value: value)
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
