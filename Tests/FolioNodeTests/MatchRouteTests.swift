import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FolioNode

/// `POST /match` over the node's router: the per-client pace answers 429 with Retry-After and
/// a message, before the body is read; a declared size over the cap is 413 without reading.
@Suite struct MatchRouteTests {
    func app(limit: MatchRateLimit, clock: MatchRateLimiterTests.ManualClock) throws -> some ApplicationProtocol {
        let backend = GenesisBackend(params: try DevChain.params(), standalone: true)
        let router = try NodeHTTP.router(
            backend: backend, authenticator: RPCAuthenticator(mode: .off), maxBodyBytes: 2048, metrics: NodeMetrics(),
            matchLimiter: MatchRateLimiter(limit: limit, clock: clock.read))
        return Application(router: router)
    }

    /// Router tests carry no peer address, so every request is the same (unknown) client.
    @Test func uploadsPastTheBurstAre429WithRetryAfterAndSayWhenToComeBack() async throws {
        let clock = MatchRateLimiterTests.ManualClock()
        try await app(limit: MatchRateLimit(perMinute: 6, burst: 2, maxClients: 16), clock: clock).test(.router) { client in
            let notAForm = ByteBuffer(string: "not a form")
            for _ in 0..<2 {
                let response = try await client.execute(uri: "/match", method: .post, body: notAForm)
                #expect(response.status == .badRequest)
            }
            let refused = try await client.execute(uri: "/match", method: .post, body: notAForm)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "10")
            let text = String(buffer: refused.body)
            #expect(text.contains("Too many uploads"))
            #expect(text.contains("at most 6 files a minute from one address (2 back to back). Send yours again in 10 s."))

            clock.advance(seconds: 10)
            #expect(try await client.execute(uri: "/match", method: .post, body: notAForm).status == .badRequest)
        }
    }

    /// The router test client sets Content-Length from the body it is given, so this request
    /// is given none: the declared length alone must refuse it.
    @Test func aDeclaredSizeOverTheCapIs413() async throws {
        try await app(limit: .standard, clock: MatchRateLimiterTests.ManualClock()).test(.router) { client in
            let response = try await client.execute(
                uri: "/match", method: .post, headers: [.contentLength: String(ExplorerRoutes.maxUploadBytes + 1)], body: nil)
            #expect(response.status == .contentTooLarge)
            #expect(String(buffer: response.body).contains("up to 64 MiB"))
        }
    }

    /// Over a real socket the upload is counted against the connection's address, 127.0.0.1,
    /// not the shared key of requests with no address.
    @Test func overASocketTheUploadCountsAgainstThePeerAddress() async throws {
        let clock = MatchRateLimiterTests.ManualClock()
        let limiter = MatchRateLimiter(limit: MatchRateLimit(perMinute: 6, burst: 1, maxClients: 16), clock: clock.read)
        let router = try NodeHTTP.router(
            backend: GenesisBackend(params: try DevChain.params(), standalone: true), authenticator: RPCAuthenticator(mode: .off),
            maxBodyBytes: 2048, metrics: NodeMetrics(), matchLimiter: limiter)
        let app = Application(router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let first = try await client.execute(uri: "/match", method: .post, body: ByteBuffer(string: "not a form"))
            #expect(first.status == .badRequest)
            let second = try await client.execute(uri: "/match", method: .post, body: ByteBuffer(string: "not a form"))
            #expect(second.status == .tooManyRequests)
        }
        #expect(limiter.admit(.ipv4(127, 0, 0, 1)) == .refused(retryAfterSeconds: 10))
        #expect(limiter.admit(.unknown) == .admitted)
    }
}
