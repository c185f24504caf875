import FolioAPI
import Foundation
import Hummingbird

/// `POST /rpc`: authentication, the body cap, then the dispatcher.
struct RPCRoute: Sendable {
    let dispatcher: RPCDispatcher
    let authenticator: RPCAuthenticator
    let maxBodyBytes: Int
    let metrics: NodeMetrics

    /// Adds the route to `router`.
    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post(RouterPath(stringLiteral: RPCDefaults.rpcPath)) { request, _ in
            try await respond(to: request)
        }
    }

    func respond(to request: Request) async throws -> Response {
        guard authenticator.accepts(request.headers[.authorization]) else {
            return Response(
                status: .unauthorized,
                headers: [.wwwAuthenticate: "Basic realm=\"foliod\"", .contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: authenticator.refusal)))
        }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBodyBytes {
            return tooLarge(declared: declared)
        }
        var request = request
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: maxBodyBytes) } catch let error as HTTPError
            where error.status == .contentTooLarge {
            return tooLarge(declared: nil)
        }
        let start = ContinuousClock.now
        let reply = await dispatcher.handle(Data(buffer: body))
        metrics.recordRPC(method: reply.method, duration: ContinuousClock.now - start)
        guard let replyBody = reply.body else { return Response(status: .noContent) }
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: replyBody)))
    }

    private func tooLarge(declared: Int?) -> Response {
        let size = declared.map { "\($0) bytes" } ?? "larger than the limit"
        let error = RPCErrorObject(
            code: .invalidRequest,
            message: "the request body is \(size); the limit is \(maxBodyBytes) bytes (rpc-max-body-bytes); send a smaller request")
        return Response(
            status: .contentTooLarge, headers: [.contentType: "application/json", .connection: "close"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: RPCDispatcher.encode(error: error, id: .null))))
    }
}
