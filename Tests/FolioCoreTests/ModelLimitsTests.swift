import FolioCrypto
import Testing
@testable import FolioCore

/// Each cap in `Limits` is enforced by the decoder: one over the cap is refused with the
/// field's name, and exactly at the cap decodes.
@Suite struct ModelLimitsTests {
    static func work(title: String = "t", owners: Int = 1, parents: Int = 0) -> RegisterWork {
        RegisterWork(
            title: title, metadataHash: Fixture.hash(1), mediaType: .text, contentHash: Fixture.hash(2),
            fingerprint: Fixture.fingerprint(3), modelId: Fixture.hash(4),
            owners: (0..<owners).map { Ownership(owner: Fixture.address(UInt8($0)), share: 1) },
            parents: Array(repeating: Fixture.hash(5), count: parents))
    }

    static func offer(parameters: [LicenceParameter]) -> OfferLicence {
        OfferLicence(workId: Fixture.hash(1), templateId: Fixture.hash(2), parameters: parameters, legalTextHash: Fixture.hash(3))
    }

    @Test func titleAtTheCapDecodesAndOneOverIsRefused() throws {
        let atCap = Self.work(title: String(repeating: "a", count: Limits.titleBytes))
        #expect(try RegisterWork(canonicalBytes: atCap.canonicalBytes) == atCap)
        expectDecodeError(Self.work(title: String(repeating: "a", count: Limits.titleBytes + 1)).canonicalBytes,
                          as: RegisterWork.self, .lengthOverCap(field: "title", length: 257, cap: 256))
    }

    @Test func titleCapCountsUTF8BytesNotCharacters() {
        // 129 two-byte characters are 258 bytes.
        expectDecodeError(Self.work(title: String(repeating: "é", count: 129)).canonicalBytes,
                          as: RegisterWork.self, .lengthOverCap(field: "title", length: 258, cap: 256))
    }

    @Test func ownersOverTheCapAreRefused() throws {
        let atCap = Self.work(owners: Limits.ownersPerWork)
        #expect(try RegisterWork(canonicalBytes: atCap.canonicalBytes) == atCap)
        expectDecodeError(Self.work(owners: Limits.ownersPerWork + 1).canonicalBytes, as: RegisterWork.self,
                          .lengthOverCap(field: "owners", length: 65, cap: 64))
    }

    @Test func parentsOverTheCapAreRefused() throws {
        let atCap = Self.work(parents: Limits.parentsPerWork)
        #expect(try RegisterWork(canonicalBytes: atCap.canonicalBytes) == atCap)
        expectDecodeError(Self.work(parents: Limits.parentsPerWork + 1).canonicalBytes, as: RegisterWork.self,
                          .lengthOverCap(field: "parents", length: 17, cap: 16))
    }

    @Test func parametersOverTheCapAreRefused() {
        let parameter = LicenceParameter(name: "p", value: [])
        let over = Self.offer(parameters: Array(repeating: parameter, count: Limits.licenceParameters + 1))
        expectDecodeError(over.canonicalBytes, as: OfferLicence.self,
                          .lengthOverCap(field: "offer parameters", length: 65, cap: 64))
        let accept = AcceptLicence(offerId: Fixture.hash(1), useParameters: Array(repeating: parameter, count: 65), payment: .zero)
        expectDecodeError(accept.canonicalBytes, as: AcceptLicence.self,
                          .lengthOverCap(field: "use parameters", length: 65, cap: 64))
    }

    @Test func parameterNameAndValueCapsAreEnforced() {
        let longName = LicenceParameter(name: String(repeating: "n", count: Limits.parameterNameBytes + 1), value: [])
        expectDecodeError(longName.canonicalBytes, as: LicenceParameter.self,
                          .lengthOverCap(field: "parameter name", length: 65, cap: 64))
        let longValue = LicenceParameter(name: "v", value: [UInt8](repeating: 0, count: Limits.parameterValueBytes + 1))
        expectDecodeError(longValue.canonicalBytes, as: LicenceParameter.self,
                          .lengthOverCap(field: "parameter value", length: 257, cap: 256))
    }

    @Test func templateOverSixtyFourKiBIsRefusedInBothForms() throws {
        let atCap = PublishTemplate(languageVersion: 1, body: .bytecode([UInt8](repeating: 7, count: Limits.templateBytes)))
        #expect(try PublishTemplate(canonicalBytes: atCap.canonicalBytes) == atCap)
        let code = PublishTemplate(languageVersion: 1, body: .bytecode([UInt8](repeating: 7, count: 65_537)))
        expectDecodeError(code.canonicalBytes, as: PublishTemplate.self,
                          .lengthOverCap(field: "template bytecode", length: 65_537, cap: 65_536))
        let text = PublishTemplate(languageVersion: 1, body: .source(String(repeating: "x", count: 65_537)))
        expectDecodeError(text.canonicalBytes, as: PublishTemplate.self,
                          .lengthOverCap(field: "template source", length: 65_537, cap: 65_536))
    }

    @Test func usageActionOverTheCapIsRefused() {
        let report = ReportUsage(
            licenceId: Fixture.hash(1), action: String(repeating: "a", count: Limits.usageActionBytes + 1), count: 1,
            period: UsagePeriod(start: 0, end: 1), revenue: .zero, payment: .zero)
        expectDecodeError(report.canonicalBytes, as: ReportUsage.self,
                          .lengthOverCap(field: "usage action", length: 33, cap: 32))
    }

    @Test func invalidUTF8TitleIsRefused() {
        // Title of one byte 0xff, then nothing: the UTF-8 check comes before the next field.
        expectDecodeError(hexBytes("01ff"), as: RegisterWork.self, .invalidUTF8(field: "title"))
    }
}
