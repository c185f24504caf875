extension LicenceTemplate {
    /// Findings of the publish-time checks (rules that can never fire, overlapping permissions
    /// and prohibitions), errors first. Worst-case gas is checked when the template is built.
    public var diagnostics: [LicenceDiagnostic] {
        let all = PublishChecks.diagnostics(self)
        return all.filter(\.isError) + all.filter { !$0.isError }
    }

    /// Compiles `source` for publication: refused when its worst-case gas is over `gasCap` or
    /// when the publish-time checks find an error (warnings are left to `diagnostics`).
    public static func publishing(source: String, gasCap: UInt64 = LicenceLanguage.defaultGasCap) throws(LicenceError) -> LicenceTemplate {
        let template = try LicenceTemplate(source: source, gasCap: gasCap)
        let errors = template.diagnostics.filter(\.isError)
        guard errors.isEmpty else { throw .refusedAtPublication(errors) }
        return template
    }

    /// Whether this template, as a parent's, always refuses a derivative offered under `child`
    /// (its share-alike or no-derivatives terms, or no permission to derive); nil if some use
    /// can satisfy it.
    public func derivativeConflict(offeredUnder child: LicenceTemplate) -> LicenceDiagnostic? {
        PublishChecks.derivativeConflict(parent: self, child: child)
    }
}
