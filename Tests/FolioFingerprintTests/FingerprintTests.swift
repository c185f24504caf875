import Testing
@testable import FolioFingerprint

@Suite struct FingerprintTests {
    @Test func fingerprintIs256BitsAsFingerprintDocSays() {
        #expect(Fingerprint.bitCount == 256)
    }
}
