import FolioCore
import FolioLicence
import Foundation

extension InterpretedLicenceEngine {
    /// Compiles a template for publication: the language version, then parse, type-check and
    /// compile (source) or decode and validate (bytecode), the worst-case gas against the cap,
    /// and the publish-time checks. A template that passes is cached under its `TemplateId`.
    func publish(_ template: PublishTemplate) throws(LicenceRefusal) -> LicenceTemplate {
        let compiled = try compile(template)
        let errors = compiled.diagnostics.filter(\.isError)
        guard errors.isEmpty else {
            throw LicenceRefusal(reason: "template-refused: " + errors.map(\.description).joined(separator: "; "))
        }
        cache.insert(compiled, for: template.id)
        return compiled
    }

    /// The compiled form of a published template, from the cache when it is there. The
    /// publish-time checks already ran when the chain accepted the template, so they are not
    /// repeated here.
    func compiled(_ template: PublishTemplate) throws(LicenceRefusal) -> LicenceTemplate {
        let id = template.id
        if let hit = cache.template(for: id) { return hit }
        let compiled = try compile(template)
        cache.insert(compiled, for: id)
        return compiled
    }

    private func compile(_ template: PublishTemplate) throws(LicenceRefusal) -> LicenceTemplate {
        guard template.languageVersion == Self.languageVersion else {
            throw LicenceRefusal(reason: "template-language-version: version \(template.languageVersion) is not supported"
                                 + " (this node runs version \(Self.languageVersion))")
        }
        do {
            switch template.body {
            case let .source(text): return try LicenceTemplate(source: text, gasCap: gasCap)
            case let .bytecode(bytes): return try LicenceTemplate(publishedBytes: bytes, gasCap: gasCap)
            }
        } catch {
            throw Self.refusal(error)
        }
    }

    /// A short code for the kind of failure, then FolioLicence's own message (line and
    /// column for source errors).
    private static func refusal(_ error: LicenceError) -> LicenceRefusal {
        let code: String
        switch error {
        case .syntax, .type, .limit: code = "template-invalid"
        case .gasOverCap: code = "template-gas-over-cap"
        case .bytecode: code = "template-bad-bytecode"
        case .refusedAtPublication: code = "template-refused"
        }
        return LicenceRefusal(reason: "\(code): \(error)")
    }
}

/// Compiled templates by `TemplateId`. Compiling is a pure function of the payload, so what
/// the cache holds never changes an answer; when full it is emptied (simple, and a node sees
/// few templates often).
final class CompiledTemplateCache: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var templates: [TemplateId: LicenceTemplate] = [:]

    init(capacity: Int) { self.capacity = max(capacity, 1) }

    func template(for id: TemplateId) -> LicenceTemplate? {
        lock.lock()
        defer { lock.unlock() }
        return templates[id]
    }

    func insert(_ template: LicenceTemplate, for id: TemplateId) {
        lock.lock()
        defer { lock.unlock() }
        if templates.count >= capacity, templates[id] == nil { templates.removeAll(keepingCapacity: true) }
        templates[id] = template
    }
}
