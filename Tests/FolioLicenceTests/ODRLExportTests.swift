import Foundation
import FolioCore
import Testing
@testable import FolioLicence

/// The ODRL 2.2 export parses as JSON-LD-shaped JSON, says what the rules say, and gives the
/// Creative Commons templates the terms of ODRL's Creative Commons mapping.
@Suite struct ODRLExportTests {
    static func policy(_ name: String) throws -> [String: Any] {
        let template = try #require(try LicenceTemplate.shipped(named: name))
        let data = Data(template.odrlJSONLD().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func rules(_ policy: [String: Any], _ key: String) -> [[String: Any]] {
        policy[key] as? [[String: Any]] ?? []
    }

    /// Actions of a rule, whether written as one string or a list.
    static func actions(_ rule: [String: Any]) -> [String] {
        (rule["action"] as? [String]) ?? [rule["action"] as? String].compactMap { $0 }
    }

    static func constraintIsWellFormed(_ constraint: [String: Any]) -> Bool {
        for logical in ["and", "or", "xone"] {
            if let operands = constraint[logical] as? [[String: Any]] { return operands.count >= 2 && operands.allSatisfy(constraintIsWellFormed) }
        }
        return constraint["leftOperand"] is String && constraint["operator"] is String
            && (constraint["rightOperand"] != nil || constraint["rightOperandReference"] is String)
    }

    @Test(arguments: PublishCheckTests.shippedNames)
    func everyShippedTemplateExportsAWellFormedODRLPolicy(_ name: String) throws {
        let policy = try ODRLExportTests.policy(name)
        let context = try #require(policy["@context"] as? [Any])
        #expect(context.first as? String == "http://www.w3.org/ns/odrl.jsonld")
        #expect((context.last as? [String: String])?["folio"] == "urn:folio:odrl:")
        #expect(policy["@type"] as? String == "Set")
        #expect((policy["uid"] as? String)?.hasPrefix("urn:folio:template:") == true)
        #expect(policy["profile"] as? String == "urn:folio:odrl-profile:1")
        #expect(policy["conflict"] as? String == "prohibit")
        #expect(policy["folio:template"] as? String == name)
        let rules = ODRLExportTests.rules(policy, "permission") + ODRLExportTests.rules(policy, "prohibition")
        #expect(!rules.isEmpty)
        for rule in rules {
            #expect(rule["target"] as? String == "folio:licensedWork")
            #expect(!ODRLExportTests.actions(rule).isEmpty)
            for constraint in rule["constraint"] as? [[String: Any]] ?? [] {
                #expect(ODRLExportTests.constraintIsWellFormed(constraint), "\(constraint)")
            }
            for duty in rule["duty"] as? [[String: Any]] ?? [] {
                #expect(duty["action"] is String)
            }
        }
    }

    struct CreativeCommons: Sendable, CustomStringConvertible {
        let name: String
        let permits: Set<String>
        let requires: Set<String>
        let prohibits: Set<String>
        var description: String { name }
    }

    /// ODRL's Creative Commons mapping (ccREL): what each licence permits, requires and prohibits.
    static let mapping: [CreativeCommons] = {
        let all: Set = ["cc:Reproduction", "cc:Distribution", "cc:DerivativeWorks"]
        let shareOnly: Set = ["cc:Reproduction", "cc:Distribution"]
        return [
            CreativeCommons(name: "cc0-1.0", permits: all, requires: [], prohibits: []),
            CreativeCommons(name: "cc-by-4.0", permits: all, requires: ["cc:Attribution"], prohibits: []),
            CreativeCommons(name: "cc-by-sa-4.0", permits: all, requires: ["cc:Attribution", "cc:ShareAlike"], prohibits: []),
            CreativeCommons(name: "cc-by-nc-4.0", permits: all, requires: ["cc:Attribution"], prohibits: ["cc:CommercialUse"]),
            CreativeCommons(name: "cc-by-nd-4.0", permits: shareOnly, requires: ["cc:Attribution"], prohibits: ["cc:DerivativeWorks"]),
            CreativeCommons(name: "cc-by-nc-sa-4.0", permits: all, requires: ["cc:Attribution", "cc:ShareAlike"], prohibits: ["cc:CommercialUse"]),
            CreativeCommons(name: "cc-by-nc-nd-4.0", permits: shareOnly, requires: ["cc:Attribution"],
                            prohibits: ["cc:CommercialUse", "cc:DerivativeWorks"]),
        ]
    }()

    @Test(arguments: mapping)
    func creativeCommonsExportsMatchODRLsCreativeCommonsMapping(_ expected: CreativeCommons) throws {
        let policy = try ODRLExportTests.policy(expected.name)
        let permissions = ODRLExportTests.rules(policy, "permission")
        let prohibitions = ODRLExportTests.rules(policy, "prohibition")
        let prohibited = Set(prohibitions.filter { $0["constraint"] == nil }.flatMap(ODRLExportTests.actions))
        // ODRL's `use` includes every action; the ODRL equivalents of the CC actions are listed too.
        let equivalents = ["cc:Reproduction": "reproduce", "cc:Distribution": "distribute", "cc:DerivativeWorks": "cc:DerivativeWorks"]
        let granted = Set(permissions.flatMap(ODRLExportTests.actions))
        let permits = Set(equivalents.filter { cc, odrl in
            (granted.contains("use") || granted.contains(odrl)) && !prohibited.contains(odrl) && !prohibited.contains(cc)
        }.keys)
        #expect(permits == expected.permits)
        #expect(prohibited == expected.prohibits)
        for permission in permissions {
            let duties = permission["duty"] as? [[String: Any]] ?? []
            #expect(Set(duties.compactMap { $0["action"] as? String }) == expected.requires)
        }
    }

    @Test func aCreativeCommonsBreachTerminatesAsTheDutysConsequence() throws {
        let permission = try #require(ODRLExportTests.rules(try ODRLExportTests.policy("cc-by-4.0"), "permission").first)
        let duty = try #require((permission["duty"] as? [[String: Any]])?.first)
        #expect(duty["folio:rule"] as? String == "attribution")
        #expect((duty["consequence"] as? [[String: String]]) == [["action": "folio:terminate"]])
    }

    @Test func anOrConditionBecomesAnODRLOrConstraint() throws {
        let permission = try #require(ODRLExportTests.rules(try ODRLExportTests.policy("cc-by-4.0"), "permission").first)
        let constraints = try #require(permission["constraint"] as? [[String: Any]])
        let operands = try #require(constraints.first?["or"] as? [[String: Any]])
        #expect(operands.count == 2)
        #expect(operands[0]["leftOperand"] as? String == "folio:licence.state")
        #expect(operands[0]["operator"] as? String == "neq")
        #expect(operands[0]["rightOperand"] as? String == "folio:terminated")
        #expect(operands[1]["leftOperand"] as? String == "dateTime")
        #expect(operands[1]["operator"] as? String == "lteq")
        // 30 days = 2,592,000 seconds.
        #expect((operands[1]["rightOperand"] as? [String: String])?["@value"] == "breached_at + 2592000")
    }

    @Test func exclusiveSyncConstraintsUseODRLOperandsAndParameterReferences() throws {
        let policy = try ODRLExportTests.policy("exclusive-eu-sync")
        let permission = try #require(ODRLExportTests.rules(policy, "permission").first)
        #expect(permission["action"] as? String == "synchronize")
        let constraints = try #require(permission["constraint"] as? [[String: Any]])
        #expect(constraints.count == 5)
        let byOperand = Dictionary(constraints.compactMap { c in (c["leftOperand"] as? String).map { ($0, c) } }) { a, _ in a }
        #expect(byOperand["folio:use.target"]?["rightOperandReference"] as? String == "folio:parameter/film_title")
        #expect(byOperand["folio:tx.sender"]?["rightOperandReference"] as? String == "folio:licence.licensee")
        #expect(byOperand["spatial"]?["operator"] as? String == "isPartOf")
        #expect((byOperand["spatial"]?["rightOperand"] as? [String: String])?["@value"] == "eu(licence.issued_at)")
        // 730 days = 63,072,000 seconds.
        #expect(byOperand["dateTime"]?["operator"] as? String == "lt")
        #expect((byOperand["dateTime"]?["rightOperand"] as? [String: String])?["@value"] == "licence.issued_at + 63072000")
        let duties = try #require(permission["duty"] as? [[String: Any]])
        #expect(duties.map { $0["action"] as? String } == ["compensate"])
        #expect(duties.first?["folio:on"] as? String == "accept")
        let prohibition = try #require(ODRLExportTests.rules(policy, "prohibition").first)
        #expect(prohibition["action"] as? String == "transfer")
        #expect(prohibition["constraint"] == nil)
    }

    @Test func publishedBytesExportTheSameBytesAsTheSource() throws {
        let compiled = try #require(try LicenceTemplate.shipped(named: "derivative-upstream-share"))
        let loaded = try LicenceTemplate(publishedBytes: compiled.bytes)
        #expect(loaded.odrlJSONLD() == compiled.odrlJSONLD())
        #expect(compiled.odrlJSONLD() == compiled.odrlJSONLD())
    }
}
