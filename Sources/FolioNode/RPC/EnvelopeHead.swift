import FolioAPI
import Foundation

/// The parts of a request read before dispatch: the method, the id, and whether it is a
/// notification (no `id` member, so no response).
struct EnvelopeHead: Sendable {
    let method: String
    let id: RPCID
    let isNotification: Bool

    /// Parses the envelope: -32700 for anything that is not JSON, -32600 for JSON that is not
    /// a single JSON-RPC 2.0 request object.
    static func parse(_ data: Data) -> Result<EnvelopeHead, RPCErrorObject> {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            return .failure(RPCErrorObject(
                code: .parseError, message: "the request body is not valid JSON; send one JSON-RPC 2.0 object"))
        }
        if json is [Any] {
            return .failure(invalid("batch requests are not supported; send one request object per HTTP request"))
        }
        guard let object = json as? [String: Any] else {
            return .failure(invalid("the request must be a JSON object with jsonrpc, method, params and id"))
        }
        let fields: EnvelopeFields
        do { fields = try JSONDecoder().decode(EnvelopeFields.self, from: data) } catch {
            return .failure(invalid(DecodingErrorText.describe(error)))
        }
        guard fields.jsonrpc == "2.0" else { return .failure(invalid("\"jsonrpc\" must be the string \"2.0\"")) }
        guard let method = fields.method else {
            return .failure(invalid("\"method\" must be a string such as \"chain_info\""))
        }
        if let params = object["params"], !(params is [String: Any]) && !(params is [Any]) && !(params is NSNull) {
            return .failure(invalid("\"params\" must be an object (parameters by name)"))
        }
        return .success(EnvelopeHead(method: method, id: fields.id ?? .null, isNotification: !fields.hasId))
    }

    private static func invalid(_ message: String) -> RPCErrorObject {
        RPCErrorObject(code: .invalidRequest, message: "invalid request: \(message)")
    }
}

/// The envelope's typed members; `hasId` tells a notification from `"id": null`.
private struct EnvelopeFields: Decodable {
    let jsonrpc: String?
    let method: String?
    let id: RPCID?
    let hasId: Bool

    private enum CodingKeys: String, CodingKey { case jsonrpc, method, id }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jsonrpc = try? container.decodeIfPresent(String.self, forKey: .jsonrpc)
        method = try? container.decodeIfPresent(String.self, forKey: .method)
        hasId = container.contains(.id)
        id = try container.decodeIfPresent(RPCID.self, forKey: .id)
    }
}
