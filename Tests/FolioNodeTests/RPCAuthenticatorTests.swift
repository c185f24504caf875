import Foundation
import Testing
@testable import FolioNode

@Suite struct RPCAuthenticatorTests {
    private func basic(_ text: String) -> String { "Basic " + Data(text.utf8).base64EncodedString() }

    @Test func theCookieUserWithTheSecretIsAccepted() {
        let auth = RPCAuthenticator(mode: .cookie(secret: "s3cret"))
        #expect(auth.accepts(basic("__cookie__:s3cret")))
        #expect(!auth.accepts(basic("__cookie__:wrong")))
        #expect(!auth.accepts(basic("someone:s3cret")))
        #expect(!auth.accepts(nil))
        #expect(!auth.accepts("Bearer s3cret"))
    }

    @Test func aTokenIsAcceptedAsBearerOrAsABasicPassword() {
        let auth = RPCAuthenticator(mode: .token("tok"))
        #expect(auth.accepts("Bearer tok"))
        #expect(auth.accepts(basic("anyone:tok")))
        #expect(!auth.accepts("Bearer tok2"))
        #expect(!auth.accepts(nil))
    }

    @Test func withAuthenticationOffAnyCallerIsAccepted() {
        #expect(RPCAuthenticator(mode: .off).accepts(nil))
    }
}
