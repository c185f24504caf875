#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

/// Calls a node's JSON-RPC endpoint over HTTP, one request per call.
public struct RPCClient: Sendable {
    /// The endpoint, for example `http://127.0.0.1:9332/rpc`.
    public let endpoint: URL
    /// The credentials sent with each call.
    public let credentials: RPCCredentials

    private let delegate: ChallengeRefusingDelegate
    private let session: URLSession

    /// Creates a client. `timeout` bounds each request (a node busy importing answers well within it).
    public init(endpoint: URL, credentials: RPCCredentials, timeout: TimeInterval = 30) {
        self.endpoint = endpoint
        self.credentials = credentials
        let delegate = ChallengeRefusingDelegate()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    /// Calls `method` with `params` and returns its result, or throws the node's error.
    public func call<Method: RPCMethod>(
        _ method: Method.Type, _ params: Method.Params
    ) async throws(RPCClientError) -> Method.Result {
        let body: Data
        do { body = try JSONEncoder().encode(RPCRequest(method: Method.name, params: params, id: .number(1))) } catch {
            throw .malformedResponse(detail: "the parameters could not be encoded: \(error)")
        }
        let (data, status) = try await post(body)
        let response: RPCResponse<Method.Result>
        do { response = try JSONDecoder().decode(RPCResponse<Method.Result>.self, from: data) } catch {
            if status != 200 { throw .http(status: status, body: String(decoding: data.prefix(200), as: UTF8.self)) }
            throw .malformedResponse(detail: "\(error)")
        }
        if let error = response.error { throw .server(error) }
        guard let result = response.result else { throw .malformedResponse(detail: "neither result nor error") }
        return result
    }

    /// Calls a method that takes no parameters.
    public func call<Method: RPCMethod>(_ method: Method.Type) async throws(RPCClientError) -> Method.Result
    where Method.Params == NoParams {
        try await call(method, NoParams())
    }

    /// Posts raw bytes to the endpoint and returns the body and HTTP status.
    public func post(_ body: Data) async throws(RPCClientError) -> (Data, Int) {
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let header = credentials.authorizationHeader { request.setValue(header, forHTTPHeaderField: "Authorization") }
        do {
            let (data, response) = try await session.data(for: request)
            return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
        } catch {
            if delegate.takeChallenged() { throw .http(status: 401, body: "authentication required") }
            throw .transport(detail: error.localizedDescription)
        }
    }
}
