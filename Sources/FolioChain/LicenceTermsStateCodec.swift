import FolioCore
import FolioLicence

/// How a licence's terms state (its counters, state variables and reported revenue) is kept in
/// `LicenceRecord.termsState` between transactions, so a second report in a month sees the
/// first one's streams, and a cap on upstream payments holds across reports.
///
/// Layout (canonical, so every node stores the same bytes): empty for the initial state;
/// otherwise a version byte 1, the reported revenue (u64), the counters sorted by name and
/// then key bytes (each: name, key as an optional `LicenceValue`, value i64), then the
/// variables sorted by name (each: name, `LicenceValue`). Counters at zero are left out,
/// since a counter reads zero until written.
enum LicenceTermsStateCodec {
    static let version: UInt8 = 1

    /// The stored form of `state`'s counters, variables and reported revenue.
    static func encode(_ state: LicenceTermsState) -> [UInt8] {
        let counters = state.counters.filter { $0.value != 0 }
        guard !counters.isEmpty || !state.variables.isEmpty || state.reportedRevenue != .zero else { return [] }
        var writer = CanonicalWriter()
        writer.write(version)
        writer.write(state.reportedRevenue.baseUnits)
        let sortedCounters = counters.map { (key: $0.key, bytes: $0.key.key?.canonicalBytes ?? [], value: $0.value) }
            .sorted { $0.key.name != $1.key.name ? $0.key.name < $1.key.name : $0.bytes.lexicographicallyPrecedes($1.bytes) }
        writer.writeLength(sortedCounters.count)
        for counter in sortedCounters {
            writer.writeString(counter.key.name)
            writer.writeOptional(counter.key.key)
            writer.write(counter.value)
        }
        let variables = state.variables.sorted { $0.key < $1.key }
        writer.writeLength(variables.count)
        for (name, value) in variables {
            writer.writeString(name)
            writer.write(value)
        }
        return writer.finish()
    }

    /// `state` with the counters, variables and reported revenue stored in `bytes`.
    static func decode(_ bytes: [UInt8], into state: LicenceTermsState) throws(LicenceRefusal) -> LicenceTermsState {
        guard !bytes.isEmpty else { return state }
        var result = state
        do {
            var reader = CanonicalReader(bytes)
            guard try reader.readUInt8() == version else { throw LicenceRefusal(reason: "terms-state: unknown version") }
            result.reportedRevenue = Amount(baseUnits: try reader.readUInt64())
            let counterCount = try reader.readLength(field: "counters", cap: Limits.licenceTermsStateBytes)
            for _ in 0..<counterCount {
                let name = try reader.readString(field: "counter name", cap: Limits.parameterNameBytes)
                let key = try reader.readOptional(LicenceValue.self)
                result.counters[CounterKey(name: name, key: key)] = try reader.readInt64()
            }
            let variableCount = try reader.readLength(field: "variables", cap: Limits.licenceTermsStateBytes)
            for _ in 0..<variableCount {
                let name = try reader.readString(field: "variable name", cap: Limits.parameterNameBytes)
                result.variables[name] = try reader.read(LicenceValue.self)
            }
            try reader.finish()
        } catch let refusal as LicenceRefusal {
            throw refusal
        } catch {
            throw LicenceRefusal(reason: "terms-state: the stored state does not decode (\(error))")
        }
        return result
    }

    /// The stored state after an evaluation: `before` with the counters and variables the
    /// terms changed and `revenue` added to the reported revenue; refused if it would outgrow
    /// `Limits.licenceTermsStateBytes`.
    static func after(_ before: LicenceTermsState, _ evaluation: Evaluation, revenue: Amount) throws(LicenceRefusal) -> [UInt8] {
        var state = before
        for (key, value) in evaluation.counters { state.counters[key] = value }
        for (name, value) in evaluation.variables { state.variables[name] = value }
        do {
            state.reportedRevenue = try state.reportedRevenue.adding(revenue)
        } catch {
            throw LicenceRefusal(reason: "terms-state: reported revenue overflows")
        }
        let bytes = encode(state)
        guard bytes.count <= Limits.licenceTermsStateBytes else {
            throw LicenceRefusal(reason: "terms-state: the licence's state would exceed \(Limits.licenceTermsStateBytes) bytes")
        }
        return bytes
    }
}
