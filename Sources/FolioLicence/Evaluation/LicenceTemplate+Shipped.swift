import Foundation

extension LicenceTemplate {
    /// The source of a template shipped with Folio (`Templates/NAME.flt`), or nil if there is none.
    public static func shippedSource(named name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "flt", subdirectory: "Templates") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// A shipped template, compiled; nil if there is no template of that name.
    public static func shipped(named name: String) throws(LicenceError) -> LicenceTemplate? {
        guard let source = shippedSource(named: name) else { return nil }
        return try LicenceTemplate(source: source)
    }
}
