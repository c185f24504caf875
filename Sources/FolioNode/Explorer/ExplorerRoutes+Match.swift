import FolioAPI
import FolioCore
import Hummingbird

/// `/match`: the form that says whether an uploaded file matches a registered work.
///
/// An upload is checked in order of cost: the client's pace first (429), then the declared
/// size (413, nothing read), then the body is read up to the cap (413 as soon as it is passed),
/// and only then is the file fingerprinted, one at a time (503 when another is running).
extension ExplorerRoutes {
    /// Largest upload the match form reads (a few minutes of CD audio).
    static let maxUploadBytes = 64 * 1024 * 1024

    func matchForm() -> Response {
        page("match", MatchPage(title: "Does this file match a registered work?", fileName: "", medium: "", fingerprint: "",
                                verdict: "", matches: [], hasResult: false))
    }

    func match(_ request: Request, from client: ClientKey) async -> Response {
        if case let .refused(seconds) = matchLimiter.admit(client) {
            var response = message(
                .tooManyRequests, "Too many uploads",
                "This node matches at most \(matchLimiter.limit.perMinute) files a minute from one address "
                    + "(\(matchLimiter.limit.burst) back to back). Send yours again in \(seconds) s.")
            response.headers[.retryAfter] = String(seconds)
            return response
        }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > Self.maxUploadBytes {
            return tooLarge()
        }
        var request = request
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: Self.maxUploadBytes) } catch {
            return tooLarge()
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

    func tooLarge() -> Response {
        message(.contentTooLarge, "File too large", "The match form reads files up to \(Self.maxUploadBytes / 1_048_576) MiB.")
    }
}

/// An uploaded file's fingerprint and the medium it was read as.
struct FileIdentity: Sendable {
    let fingerprint: Fingerprint
    let medium: String
}
