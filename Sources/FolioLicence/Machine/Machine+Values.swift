extension Machine {
    @inline(__always)
    mutating func popSlot(_ pc: Int) throws(MachineStop) -> Slot {
        guard stack.count > 0 else { throw .trap("stack underflow", pc: pc) }
        stack.count -= 1
        return stack.slots[stack.count]
    }

    @inline(__always)
    mutating func pop(_ pc: Int) throws(MachineStop) -> LicenceValue {
        guard stack.count > 0 else { throw .trap("stack underflow", pc: pc) }
        stack.count -= 1
        return stack.value(stack.count)
    }

    /// An Int, or nil for unknown; anything else traps.
    @inline(__always)
    mutating func popInt(_ pc: Int) throws(MachineStop) -> Int64? {
        let slot = try popSlot(pc)
        switch slot.kind {
        case .int: return slot.bits
        case .unknown: return nil
        default: throw .trap("operand is not a number", pc: pc)
        }
    }

    /// Pops a known Int, refusing on unknown (for payments and counters, which must not guess).
    @inline(__always)
    mutating func popKnownInt(_ pc: Int) throws(MachineStop) -> Int64 {
        guard let value = try popInt(pc) else { throw .refused("unknown fact") }
        return value
    }

    mutating func popMany(_ count: Int, _ pc: Int) throws(MachineStop) -> [LicenceValue] {
        guard count <= stack.count else { throw .trap("stack underflow", pc: pc) }
        let values = (stack.count - count..<stack.count).map { stack.value($0) }
        stack.count -= count
        return values
    }

    @inline(__always)
    mutating func pushLocal(_ index: Int, _ pc: Int) throws(MachineStop) {
        guard index < locals.count else { throw .trap("no local \(index)", pc: pc) }
        stack.push(copyOf: index, in: locals)
    }

    @inline(__always)
    mutating func storeLocal(_ index: Int, _ pc: Int) throws(MachineStop) {
        guard index < locals.count else { throw .trap("no local \(index)", pc: pc) }
        guard stack.count > 0 else { throw .trap("stack underflow", pc: pc) }
        stack.count -= 1
        locals.set(index, copyOf: stack.count, in: stack)
    }

    /// An unkeyed counter's value (cache slot `slot`): this run's changes, else the stored value.
    @inline(__always)
    mutating func counter(slot: Int) -> Int64 {
        if counters[slot].state == .unread {
            let key = CounterKey(name: code.counterNames[slot])
            counters[slot] = CachedCounter(value: effects.counters[key] ?? inputs.counter(key), state: .read)
        }
        return counters[slot].value
    }

    /// Pops an amount and adds it to an unkeyed counter; overflow traps.
    @inline(__always)
    mutating func addToCounter(slot: Int, _ pc: Int) throws(MachineStop) {
        let amount = try popKnownInt(pc)
        let (total, overflow) = counter(slot: slot).addingReportingOverflow(amount)
        guard !overflow else { throw .trap("integer overflow", pc: pc) }
        counters[slot] = CachedCounter(value: total, state: .changed)
    }

    /// Writes the run's counter changes to `effects`. The cache lives for one run only, since
    /// the caller may replace `effects` before the next.
    mutating func writeCounters() {
        for slot in 0..<counters.count where counters[slot].state == .changed {
            effects.counters[CounterKey(name: code.counterNames[slot])] = counters[slot].value
        }
    }
}
