import Testing
@testable import FolioAPI

@Suite struct RPCCredentialsTests {
    @Test func aCookieLineBecomesBasicCredentials() throws {
        let credentials = try RPCCredentials.cookie(text: "__cookie__:abc\n", path: "/x/.cookie")
        #expect(credentials == .basic(user: "__cookie__", password: "abc"))
        // base64("__cookie__:abc")
        #expect(credentials.authorizationHeader == "Basic X19jb29raWVfXzphYmM=")
    }

    @Test(arguments: ["", "nocolon", ":secret", "user:"])
    func aCookieWithoutUserAndSecretIsRefused(text: String) {
        #expect(throws: RPCClientError.malformedCookie(path: "/x/.cookie")) {
            try RPCCredentials.cookie(text: text, path: "/x/.cookie")
        }
    }

    @Test func aTokenIsSentAsBearer() {
        #expect(RPCCredentials.token("t0k").authorizationHeader == "Bearer t0k")
        #expect(RPCCredentials.none.authorizationHeader == nil)
    }

    @Test func aMissingCookieFileSaysToCheckTheNode() {
        #expect(throws: RPCClientError.cookieUnreadable(path: "/nonexistent-folio/.cookie")) {
            try RPCCredentials.cookie(dataDirectory: "/nonexistent-folio")
        }
    }
}
