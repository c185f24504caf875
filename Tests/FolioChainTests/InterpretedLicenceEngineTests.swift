import FolioChain
import FolioCore
import FolioLicence
import FolioTestSupport
import Testing

/// Shared inputs for the adapter tests: shipped templates as publications, offers, licence
/// records and contexts, built the way the chain builds them.
enum LicenceFixture {
    static let engine = InterpretedLicenceEngine(chainId: 7)
    static let work = SHA256.hash(Array("a track".utf8))
    static let legal = SHA256.hash(Array("legal text".utf8))

    /// 2026-01-01T00:00:00Z, 2026-02-01, 2026-03-01 (31 days in January, 28 in February).
    static let january2026: Int64 = 1_767_225_600
    static let february2026: Int64 = january2026 + 31 * 86_400
    static let march2026: Int64 = february2026 + 28 * 86_400

    static func shipped(_ name: String) throws -> PublishTemplate {
        PublishTemplate(languageVersion: 1, body: .source(try #require(LicenceTemplate.shippedSource(named: name))))
    }

    static func parameter(_ name: String, _ value: LicenceValue) -> LicenceParameter {
        InterpretedLicenceEngine.parameter(name, value)
    }

    static func offer(_ template: PublishTemplate, _ parameters: [LicenceParameter] = []) -> OfferRecord {
        OfferRecord(
            id: SHA256.hash(Array("offer".utf8)), offerer: TestKeys.alice.address,
            offer: OfferLicence(workId: work, templateId: template.id, parameters: parameters, legalTextHash: legal),
            offered: ChainPosition(height: 1, timestamp: january2026), revoked: false)
    }

    static func context(at time: Int64, sender: TestKey = TestKeys.bob, owners: [Ownership] = whole(TestKeys.alice)) -> LicenceContext {
        LicenceContext(sender: sender.address, owners: owners, position: ChainPosition(height: 10, timestamp: time))
    }

    static func whole(_ key: TestKey) -> [Ownership] { [Ownership(owner: key.address, share: Ownership.wholeShare)] }

    static func licence(issuedAt time: Int64, use: [LicenceParameter], state: LicenceState = .active) -> LicenceRecord {
        LicenceRecord(
            id: SHA256.hash(Array("licence".utf8)), offerId: SHA256.hash(Array("offer".utf8)), workId: work,
            licensee: TestKeys.bob.address, useParameters: use, issued: ChainPosition(height: 5, timestamp: time),
            state: state, totalPaid: .zero)
    }

    /// Use parameters: the action, then the other facts given.
    static func use(_ action: LicenceAction, attributed: Bool? = nil, territories: [String]? = nil, target: String? = nil,
                    derivativeTemplate: Hash256? = nil) -> [LicenceParameter] {
        var parameters = [parameter("action", .int(Int64(action.rawValue)))]
        if let attributed { parameters.append(parameter("attributed", .bool(attributed))) }
        if let territories {
            parameters.append(parameter("territory", LicenceValue.canonicalSet(territories.compactMap(LicenceValue.territory))))
        }
        if let target { parameters.append(parameter("target", .text(target))) }
        if let derivativeTemplate { parameters.append(parameter("derivative_template", .id(derivativeTemplate))) }
        return parameters
    }

    static func refusal(_ body: () throws(LicenceRefusal) -> Void) -> String? {
        do { try body() } catch { return error.reason }
        return nil
    }

    /// Direct payments as (payee, amount) sorted by payee, so expectations do not depend on order.
    static func paid(_ decision: LicenceDecision) -> [Address: UInt64] {
        Dictionary(decision.directPayments.map { ($0.payee, $0.amount.baseUnits) }, uniquingKeysWith: +)
    }
}

/// Publication through the adapter: the shipped templates pass, bad ones are refused with a
/// reason that says why, and no bytes a peer can publish crash the node.
@Suite struct InterpretedLicenceEngineTests {
    static let shippedNames = [
        "cc0-1.0", "cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "cc-by-nd-4.0", "cc-by-nc-sa-4.0", "cc-by-nc-nd-4.0",
        "pil-non-commercial-social-remixing", "pil-commercial-use", "pil-commercial-remix", "exclusive-eu-sync",
        "per-stream-royalty", "derivative-upstream-share",
    ]

    @Test(arguments: shippedNames)
    func everyShippedTemplatePublishesFromSource(name: String) throws {
        let template = try LicenceFixture.shipped(name)
        #expect(LicenceFixture.refusal { () throws(LicenceRefusal) in try LicenceFixture.engine.checkTemplate(template) } == nil)
    }

    @Test func compiledBytecodePublishesUnderItsOwnPayloadId() throws {
        let source = try #require(LicenceTemplate.shippedSource(named: "per-stream-royalty"))
        let compiled = try LicenceTemplate(source: source)
        let asBytecode = PublishTemplate(languageVersion: 1, body: .bytecode(compiled.bytes))
        try LicenceFixture.engine.checkTemplate(asBytecode)
        // The chain's id is the payload's hash, never FolioLicence's bytecode hash.
        #expect(asBytecode.id != compiled.id)
        #expect(asBytecode.id != (try LicenceFixture.shipped("per-stream-royalty")).id)
    }

    @Test func malformedSourceIsRefusedNamingLineAndColumn() {
        let template = PublishTemplate(languageVersion: 1, body: .source("licence \"broken\"\npermit stream when\n"))
        let reason = LicenceFixture.refusal { () throws(LicenceRefusal) in try LicenceFixture.engine.checkTemplate(template) }
        #expect(reason?.hasPrefix("template-invalid: ") == true, "\(reason ?? "accepted")")
        #expect(reason?.contains("3:1") == true, "\(reason ?? "accepted")")
    }

    @Test func undecodableBytecodeIsRefused() {
        let template = PublishTemplate(languageVersion: 1, body: .bytecode([1, 0, 0, 0, 0xFF, 0xFF]))
        let reason = LicenceFixture.refusal { () throws(LicenceRefusal) in try LicenceFixture.engine.checkTemplate(template) }
        #expect(reason?.hasPrefix("template-bad-bytecode: ") == true, "\(reason ?? "accepted")")
    }

    @Test func anUnknownLanguageVersionIsRefused() throws {
        var template = try LicenceFixture.shipped("cc-by-4.0")
        template.languageVersion = 2
        let reason = LicenceFixture.refusal { () throws(LicenceRefusal) in try LicenceFixture.engine.checkTemplate(template) }
        #expect(reason?.hasPrefix("template-language-version: ") == true, "\(reason ?? "accepted")")
    }

    /// Three nested loops over `work.ancestors` (at most 64 each) with three `emit`s (2 gas
    /// each) and a `next` (1) inside: at least 64³ × 7 = 1,835,008 gas, over the 1,000,000 cap.
    @Test func aTemplateOverTheGasCapIsRefused() {
        let source = """
        licence "too-dear"
        on report "loops" {
          for a in work.ancestors {
            for b in work.ancestors {
              for c in work.ancestors {
                emit "one"
                emit "two"
                emit "three"
              }
            }
          }
        }
        """
        let template = PublishTemplate(languageVersion: 1, body: .source(source))
        let reason = LicenceFixture.refusal { () throws(LicenceRefusal) in try LicenceFixture.engine.checkTemplate(template) }
        #expect(reason?.hasPrefix("template-gas-over-cap: ") == true, "\(reason ?? "accepted")")
    }

    @Test func aLowerCapRefusesAShippedTemplate() throws {
        let template = try LicenceFixture.shipped("per-stream-royalty")
        let engine = InterpretedLicenceEngine(chainId: 7, gasCap: 50)
        let reason = LicenceFixture.refusal { () throws(LicenceRefusal) in try engine.checkTemplate(template) }
        #expect(reason?.hasPrefix("template-gas-over-cap: ") == true, "\(reason ?? "accepted")")
    }

    /// Every single-byte corruption and every truncation of a real program, and seeded random
    /// bytes, either publish or are refused; none may crash.
    @Test func corruptedAndRandomBytecodeNeverCrashes() throws {
        let source = try #require(LicenceTemplate.shippedSource(named: "exclusive-eu-sync"))
        let bytes = try LicenceTemplate(source: source).bytes
        var inputs: [[UInt8]] = []
        for index in bytes.indices {
            var corrupted = bytes
            corrupted[index] ^= 0xFF
            inputs.append(corrupted)
            inputs.append(Array(bytes[..<index]))
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            let count = Int(state % 300)
            inputs.append((0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 33)
            })
        }
        var published = 0
        for input in inputs {
            let template = PublishTemplate(languageVersion: 1, body: .bytecode(input))
            if LicenceFixture.refusal({ () throws(LicenceRefusal) in try LicenceFixture.engine.checkTemplate(template) }) == nil {
                published += 1
            }
        }
        #expect(published < inputs.count)
    }
    /// Every single-character deletion and replacement of a shipped source either publishes
    /// or is refused with a reason; none may crash.
    @Test func corruptedSourceNeverCrashes() throws {
        let source = Array(try #require(LicenceTemplate.shippedSource(named: "derivative-upstream-share")).unicodeScalars)
        let replacements: [Unicode.Scalar] = ["{", "\"", "9", "é"]
        var refused = 0
        for index in source.indices {
            var variants = [source]
            variants[0].remove(at: index)
            for replacement in replacements where source[index] != replacement {
                var changed = source
                changed[index] = replacement
                variants.append(changed)
            }
            for variant in variants {
                var text = ""
                text.unicodeScalars.append(contentsOf: variant)
                let template = PublishTemplate(languageVersion: 1, body: .source(text))
                if let reason = LicenceFixture.refusal({ () throws(LicenceRefusal) in try LicenceFixture.engine.checkTemplate(template) }) {
                    #expect(reason.hasPrefix("template-"))
                    refused += 1
                }
            }
        }
        #expect(refused > 0)
    }
}
