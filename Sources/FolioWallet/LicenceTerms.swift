import FolioAPI
import FolioLicence

/// An offer's terms as the wallet reads them from a node: the published template, compiled
/// here with FolioLicence, so exports and explanations never depend on the node's own copy.
public enum LicenceTerms {
    /// Compiles the template `summary` describes (source or bytecode), as the chain would.
    public static func compile(_ summary: TemplateSummary) throws(WalletError) -> LicenceTemplate {
        guard summary.languageVersion == LicencePayloads.languageVersion else {
            throw WalletError(code: "template-language-version", exit: .refused,
                              message: "template \(summary.id) is written for licence-language version \(summary.languageVersion); "
                                  + "this folio reads version \(LicencePayloads.languageVersion). Use a matching folio.")
        }
        do {
            if let source = summary.source { return try LicenceTemplate(source: source) }
            if let hex = summary.bytecode, let bytes = HexCoding.decode(hex) { return try LicenceTemplate(publishedBytes: bytes) }
        } catch {
            throw WalletError(code: "template-invalid", exit: .refused,
                              message: "template \(summary.id) does not compile here: \(error).")
        }
        throw WalletError(code: "template-invalid", exit: .refused,
                          message: "the node sent template \(summary.id) with neither source nor readable bytecode.")
    }

    /// The template id an offer names, or an error saying the node is too old to tell.
    public static func templateId(of offer: OfferSummary) throws(WalletError) -> String {
        guard let id = offer.templateId else {
            throw WalletError(code: "node-unavailable", exit: .nodeUnreachable,
                              message: "the node did not say which template offer \(offer.id) uses; upgrade foliod to one that serves licence_template.")
        }
        return id
    }

    /// The offer's terms as an ODRL 2.2 policy in JSON-LD (sorted keys).
    public static func odrl(_ template: TemplateSummary) throws(WalletError) -> String {
        try compile(template).odrlJSONLD()
    }
}
