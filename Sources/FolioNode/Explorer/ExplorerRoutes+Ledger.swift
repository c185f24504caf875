import FolioAPI
import FolioCore
import Hummingbird

/// The explorer's ledger pages: a transaction, a work, an offer, a licence, and the form that
/// says whether an uploaded file matches a registered work.
extension ExplorerRoutes {
    /// Largest upload the match form reads (a few minutes of CD audio).
    static let maxUploadBytes = 64 * 1024 * 1024

    func transaction(_ text: String) async -> Response {
        guard let id = Self.id(text) else { return notAnId(text) }
        do {
            let summary = try await backend.transaction(id)
            return page("tx", TransactionPage(title: "Transaction", transaction: summary, pending: summary.block == nil))
        } catch {
            return failure(error)
        }
    }

    func work(_ text: String) async -> Response {
        guard let id = Self.id(text) else { return notAnId(text) }
        do {
            let work = try await backend.work(id)
            return page("work", WorkPage(
                title: work.title ?? "Work", work: work, owners: work.owners.map(OwnerRow.init), similar: work.similar ?? [],
                offers: work.offers ?? [], licences: work.licences ?? [], parents: work.parents ?? []))
        } catch {
            return failure(error)
        }
    }

    func offer(_ text: String) async -> Response {
        guard let id = Self.id(text) else { return notAnId(text) }
        do { return page("offer", OfferPage(title: "Licence offer", offer: try await backend.offer(id))) } catch {
            return failure(error)
        }
    }

    func licence(_ text: String) async -> Response {
        guard let id = Self.id(text) else { return notAnId(text) }
        do { return page("licence", LicencePage(title: "Licence", licence: try await backend.licence(id))) } catch {
            return failure(error)
        }
    }

    func matchForm() -> Response {
        page("match", MatchPage(title: "Does this file match a registered work?", fileName: "", medium: "", fingerprint: "",
                                verdict: "", matches: [], hasResult: false))
    }

    func match(_ request: Request) async -> Response {
        var request = request
        guard let body = try? await request.collectBody(upTo: Self.maxUploadBytes) else {
            return message(.contentTooLarge, "File too large", "The match form reads files up to \(Self.maxUploadBytes / 1_048_576) MiB.")
        }
        let upload: MultipartFile
        do {
            upload = try MultipartFile.parse(contentType: request.headers[.contentType] ?? "", body: Array(buffer: body))
        } catch {
            return message(.badRequest, "No file", "Choose a file in the form and send it again.")
        }
        let matcher = self.matcher
        let outcome = await matchGate.run { () -> Result<FileIdentity, MatchError> in
            Result { () throws(MatchError) in
                let found = try matcher.fingerprint(upload.bytes, fileName: upload.fileName)
                return FileIdentity(fingerprint: found.fingerprint, medium: found.medium)
            }
        }
        guard let outcome else {
            return message(.serviceUnavailable, "Busy", "Another file is being matched on this node; send yours again in a few seconds.")
        }
        let identity: FileIdentity
        switch outcome {
        case let .success(found): identity = found
        case let .failure(error): return message(.unprocessableContent, "Cannot fingerprint this file", "\(error)")
        }
        do {
            let near = try await backend.similarWorks(to: identity.fingerprint, limit: 20)
            let thresholds = backend.params.fingerprint
            let rows = near.map { MatchRow(id: $0.id, distance: $0.distance, kind: $0.distance <= thresholds.duplicateDistance ? "duplicate" : "similar") }
            let verdict: String
            if let first = rows.first, first.kind == "duplicate" {
                verdict = "This file is a copy or near-copy of a registered work: registering it as new would be refused."
            } else if !rows.isEmpty {
                verdict = "This file resembles registered works; it could be registered and would be linked to them."
            } else {
                verdict = "No registered work is near this file."
            }
            return page("match", MatchPage(
                title: "Match result", fileName: upload.fileName, medium: identity.medium,
                fingerprint: HexCoding.encode(identity.fingerprint.bytes), verdict: verdict, matches: rows, hasResult: true))
        } catch {
            return failure(error)
        }
    }

    static func id(_ text: String) -> Hash256? {
        text.utf8.count == 64 ? Hash256(hex: text.lowercased()) : nil
    }

    func notAnId(_ text: String) -> Response {
        message(.badRequest, "Not an id", "\"\(text)\" is not a 64-digit hexadecimal id.")
    }
}

/// An uploaded file's fingerprint and the medium it was read as.
struct FileIdentity: Sendable {
    let fingerprint: Fingerprint
    let medium: String
}
