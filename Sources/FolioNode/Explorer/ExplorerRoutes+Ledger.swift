import FolioAPI
import FolioCore
import Hummingbird

/// The explorer's ledger pages: a transaction, a work, an offer and a licence.
extension ExplorerRoutes {
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
        let work: WorkSummary
        do { work = try await backend.work(id) } catch { return failure(error) }
        var derivatives = CappedList<DerivativeList.Entry>([])
        let derivativesNote: String?
        do {
            let found = try await backend.derivatives(of: id, limit: WorkPage.listCap)
            derivatives = CappedList(found.derivatives, total: found.total)
            derivativesNote = found.isComplete ? nil : "Derivatives registered up to height \(found.indexedHeight) are listed; "
                + "this node is still reading the chain (height \(found.tipHeight)). Reload to see more."
        } catch let .unavailable(why) {
            derivativesNote = "Derivatives are not listed: \(why)."
        } catch {
            return failure(error)
        }
        return page("work", WorkPage(
            title: work.title ?? "Work", work: work, owners: CappedList(work.owners.map(OwnerRow.init)),
            parents: CappedList(work.parents ?? []), derivatives: derivatives, derivativesNote: derivativesNote,
            similar: CappedList(work.similar ?? []), offers: CappedList(work.offers ?? []), licences: CappedList(work.licences ?? [])))
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

    static func id(_ text: String) -> Hash256? {
        text.utf8.count == 64 ? Hash256(hex: text.lowercased()) : nil
    }

    func notAnId(_ text: String) -> Response {
        message(.badRequest, "Not an id", "\"\(text)\" is not a 64-digit hexadecimal id.")
    }
}
