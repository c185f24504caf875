import FolioAPI
import FolioCore
import Hummingbird
import Mustache

/// The explorer: server-rendered pages at `/`, `/block/<id or height>`, `/account/<address>`
/// and `/search?q=`. Each page reads the backend the RPC methods read.
struct ExplorerRoutes: Sendable {
    let backend: any NodeBackend
    let library: MustacheLibrary
    let matcher: FileMatcher
    /// One `/match` fingerprinting at a time, off the cooperative pool.
    let matchGate = MatchGate()
    /// How many `/match` uploads each client may send.
    let matchLimiter: MatchRateLimiter

    /// Compiles the templates; a template that does not compile is a bug in this file's
    /// sibling, reported at start rather than on a request.
    init(backend: any NodeBackend, matchLimiter: MatchRateLimiter = MatchRateLimiter()) throws {
        self.backend = backend
        self.matchLimiter = matchLimiter
        var library = MustacheLibrary()
        for (name, text) in ExplorerTemplates.all { try library.register(text, named: name) }
        self.library = library
        matcher = FileMatcher()
    }

    func register(on router: Router<NodeRequestContext>) {
        router.get("/") { _, _ in await home() }
        router.get("/block/:ref") { _, context in await block(context.parameters.get("ref") ?? "") }
        router.get("/account/:address") { _, context in await account(context.parameters.get("address") ?? "") }
        router.get("/search") { request, _ in await search(request.uri.queryParameters.get("q") ?? "") }
        router.get("/tx/:id") { _, context in await transaction(context.parameters.get("id") ?? "") }
        router.get("/work/:id") { _, context in await work(context.parameters.get("id") ?? "") }
        router.get("/offer/:id") { _, context in await offer(context.parameters.get("id") ?? "") }
        router.get("/licence/:id") { _, context in await licence(context.parameters.get("id") ?? "") }
        router.get("/match") { _, _ in matchForm() }
        router.post("/match") { request, context in await match(request, from: ClientKey(context.remoteAddress)) }
    }

    func home() async -> Response {
        do {
            let info = try await backend.chainInfo()
            let blocks = try await backend.latestBlocks(count: 20).map(BlockRow.init)
            return page("home", HomePage(title: "Latest blocks", info: info, blocks: blocks))
        } catch {
            return failure(error)
        }
    }

    func block(_ reference: String) async -> Response {
        let locator: BlockLocator
        if let height = UInt64(reference) {
            locator = .height(height)
        } else if reference.utf8.count == 64, let id = Hash256(hex: reference.lowercased()) {
            locator = .id(id)
        } else {
            return message(.badRequest, "Not a block reference", "\"\(reference)\" is neither a height nor a 64-digit block id.")
        }
        do {
            let block = try await backend.block(locator)
            return page("block", BlockPage(title: "Block \(block.height)", block: block))
        } catch {
            return failure(error)
        }
    }

    func account(_ text: String) async -> Response {
        let network = backend.params.network
        guard let address = try? Address(bech32m: text, network: network) else {
            return message(.badRequest, "Not an address", "\"\(text)\" is not a \(network.addressPrefix)1… address on this network.")
        }
        do {
            return page("account", AccountPage(title: "Account", account: try await backend.account(address)))
        } catch {
            return failure(error)
        }
    }

    func search(_ query: String) async -> Response {
        let query = query.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return page("search", MessagePage(title: "Search", message: "")) }
        if UInt64(query) != nil { return redirect("/block/\(query)") }
        if (try? Address(bech32m: query, network: backend.params.network)) != nil { return redirect("/account/\(query)") }
        if query.utf8.count == 64, let id = Hash256(hex: query.lowercased()) {
            if (try? await backend.block(.id(id))) != nil { return redirect("/block/\(id.hex)") }
            if (try? await backend.transaction(id)) != nil { return redirect("/tx/\(id.hex)") }
            if (try? await backend.work(id)) != nil { return redirect("/work/\(id.hex)") }
            if (try? await backend.offer(id)) != nil { return redirect("/offer/\(id.hex)") }
            if (try? await backend.licence(id)) != nil { return redirect("/licence/\(id.hex)") }
            return message(
                .notFound, "Nothing found",
                "No block, transaction, work, offer or licence with id \(id.hex) is known to this node.")
        }
        return message(
            .badRequest, "Nothing found",
            "\"\(query)\" is not a block height, a 64-digit id or an address on this network.")
    }

    func page(_ template: String, _ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(object, withTemplate: template) ?? "template \(template) is missing"
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    func message(_ status: HTTPResponse.Status, _ title: String, _ text: String) -> Response {
        page("message", MessagePage(title: title, message: text), status: status)
    }

    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    func failure(_ error: any Error) -> Response {
        switch error as? BackendError {
        case let .notFound(what)?: return message(.notFound, "Not found", "\(what) is not known to this node.")
        case let .unavailable(why)?: return message(.serviceUnavailable, "Not available", why)
        default: return message(.internalServerError, "Node error", "The node failed to answer; its log says why.")
        }
    }
}

/// The home page's model.
struct HomePage {
    let title: String
    let info: ChainInfoResult
    let blocks: [BlockRow]
}

/// One row of the latest-blocks table.
struct BlockRow {
    let id: String
    let height: UInt64
    let timestamp: Int64
    let transactionCount: Int

    init(_ block: BlockSummary) {
        id = block.id
        height = block.height
        timestamp = block.timestamp
        transactionCount = block.transactions.count
    }
}

/// The block page's model.
struct BlockPage {
    let title: String
    let block: BlockSummary
}

/// The account page's model.
struct AccountPage {
    let title: String
    let account: AccountSummary
}

/// A page that only says something.
struct MessagePage {
    let title: String
    let message: String
}
