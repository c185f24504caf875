import Testing
@testable import FolioNode

/// The match form's multipart reader: the file part found among fields, quoted boundaries,
/// binary bytes kept exactly, and clear refusals.
struct MultipartFileTests {
    @Test func theFilePartIsFoundAfterAPlainField() throws {
        let body = Array("--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            + [0, 13, 10, 255] + Array("\r\n--XyZ--\r\n".utf8)
        let file = try MultipartFile.parse(contentType: "multipart/form-data; boundary=\"XyZ\"", body: body)
        #expect(file == MultipartFile(fileName: "a.bin", bytes: [0, 13, 10, 255]))
    }

    @Test func aBodyThatIsNotAFormIsRefused() {
        #expect(throws: MultipartFile.ParseError.notMultipart) {
            try MultipartFile.parse(contentType: "application/json", body: Array("{}".utf8))
        }
        #expect(throws: MultipartFile.ParseError.noFilePart) {
            try MultipartFile.parse(
                contentType: "multipart/form-data; boundary=b",
                body: Array("--b\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nx\r\n--b--\r\n".utf8))
        }
    }
}
