extension LicenceValue {
    /// Whether this value is a well-formed value of `type` (used to check offer parameters;
    /// public so the chain's adapter can check an offer before any evaluation).
    public func conforms(to type: LicenceType) -> Bool {
        switch (self, type) {
        case (.bool, .bool): return true
        case let (.int(v), .money): return v >= 0
        case let (.int(v), .territory): return v >> 16 == 0 && Territory.code(Territory.text(v)) == v
        case let (.int(v), .action): return v >= 0 && v <= 255 && LicenceAction(rawValue: UInt8(v)) != nil
        case let (.int(v), .purpose): return v >= 0 && v <= 255 && UsePurpose(rawValue: UInt8(v)) != nil
        case let (.int(v), .medium): return v >= 0 && v <= 255 && UseMedium(rawValue: UInt8(v)) != nil
        case let (.int(v), .status): return v >= 0 && v <= 255 && LicenceStatus(rawValue: UInt8(v)) != nil
        case let (.int(v), .kind): return v >= 0 && v <= 255 && TransactionKind(rawValue: UInt8(v)) != nil
        case (.int, .int), (.int, .decimal), (.int, .ratio), (.int, .time), (.int, .duration), (.int, .height):
            return true
        case let (.bytes(b), .party): return b.count == 20
        case let (.bytes(b), .workId), let (.bytes(b), .licenceId), let (.bytes(b), .templateId): return b.count == 32
        case let (.bytes(b), .text): return b.count <= Limits.textBytes
        case let (.set(elements), .set(element)):
            return elements.count <= Limits.collection && elements.allSatisfy { $0.conforms(to: element) }
                && LicenceValue.canonicalSet(elements) == self
        case let (.list(elements), .list(element)):
            return elements.count <= Limits.collection && elements.allSatisfy { $0.conforms(to: element) }
        case let (.shares(shares), .shares):
            return shares.count <= Limits.collection && shares.allSatisfy { $0.party.count == 20 && $0.weight >= 0 }
                && LicenceValue.canonicalShares(shares) == self
        default: return false
        }
    }
}
