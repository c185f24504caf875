import FolioAPI
import Foundation

/// Turns one JSON-RPC request body into one response body: parses the envelope, finds the
/// method, decodes its parameters and runs its handler. No HTTP here, so it is tested alone.
struct RPCDispatcher: Sendable {
    /// A method's handler: gets the whole request body, returns the encoded result or an error.
    typealias Handler = @Sendable (Data) async -> Result<Data, RPCErrorObject>

    /// What handling produced: the body to send (none for a notification) and the method's
    /// name when it is a known one (for metrics).
    struct Reply: Sendable {
        let body: Data?
        let method: String?
    }

    private var handlers: [String: Handler] = [:]

    /// The registered method names.
    var methodNames: [String] { handlers.keys.sorted() }

    /// Registers `body` as the handler of `method`.
    mutating func register<Method: RPCMethod>(
        _ method: Method.Type,
        _ body: @escaping @Sendable (Method.Params) async throws(RPCErrorObject) -> Method.Result
    ) {
        handlers[Method.name] = { data in
            let params: Method.Params
            do {
                params = try JSONDecoder().decode(ParamsEnvelope<Method.Params>.self, from: data).params
            } catch {
                return .failure(RPCErrorObject(
                    code: .invalidParams, message: "bad params for \(Method.name): \(DecodingErrorText.describe(error))"))
            }
            do {
                return .success(try JSONEncoder().encode(try await body(params)))
            } catch let error as RPCErrorObject {
                return .failure(error)
            } catch {
                return .failure(RPCErrorObject(code: .internalError, message: "the result could not be encoded: \(error)"))
            }
        }
    }

    /// Handles one request body.
    func handle(_ data: Data) async -> Reply {
        let head: EnvelopeHead
        switch EnvelopeHead.parse(data) {
        case let .success(parsed): head = parsed
        case let .failure(error): return Reply(body: Self.encode(error: error, id: .null), method: nil)
        }
        guard let handler = handlers[head.method] else {
            let nearest = NearestName.nearest(to: head.method, in: methodNames).map { "; did you mean \"\($0)\"?" } ?? ""
            let error = RPCErrorObject(
                code: .methodNotFound, message: "method \"\(head.method)\" does not exist\(nearest) (docs/rpc.md lists them)")
            return Reply(body: head.isNotification ? nil : Self.encode(error: error, id: head.id), method: nil)
        }
        let outcome = await handler(data)
        guard !head.isNotification else { return Reply(body: nil, method: head.method) }
        switch outcome {
        case let .success(result):
            return Reply(body: Self.encode(result: result, id: head.id), method: head.method)
        case let .failure(error):
            return Reply(body: Self.encode(error: error, id: head.id), method: head.method)
        }
    }

    /// An error response body.
    static func encode(error: RPCErrorObject, id: RPCID) -> Data {
        (try? JSONEncoder().encode(RPCErrorResponse(error: error, id: id))) ?? Data()
    }

    /// Splices already-encoded result JSON into a response, so results are encoded once.
    private static func encode(result: Data, id: RPCID) -> Data {
        let idJSON = (try? JSONEncoder().encode(id)) ?? Data("null".utf8)
        return Data("{\"jsonrpc\":\"2.0\",\"result\":".utf8) + result + Data(",\"id\":".utf8) + idJSON + Data("}".utf8)
    }
}

/// Reads `params` for a method; an absent `params` reads as `{}`.
private struct ParamsEnvelope<Params: Decodable>: Decodable {
    let params: Params

    private enum CodingKeys: String, CodingKey { case params }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.params), try !container.decodeNil(forKey: .params) {
            params = try container.decode(Params.self, forKey: .params)
        } else {
            params = try JSONDecoder().decode(Params.self, from: Data("{}".utf8))
        }
    }
}
