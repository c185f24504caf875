import Foundation

/// The first file part of a `multipart/form-data` body (RFC 7578), for the explorer's
/// "does this file match a registered work?" form. Only what that form sends is read: a
/// boundary from the content type, part headers, and the bytes up to the next boundary.
struct MultipartFile: Equatable {
    /// The file name the browser sent (may be empty).
    let fileName: String
    /// The file's bytes.
    let bytes: [UInt8]

    /// Why a body is not a form upload this page accepts.
    enum ParseError: Error, Equatable {
        case notMultipart
        case noFilePart
    }

    /// Parses `body` sent with `contentType`.
    static func parse(contentType: String, body: [UInt8]) throws(ParseError) -> MultipartFile {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundaryRange = contentType.range(of: "boundary=")
        else { throw .notMultipart }
        var boundary = String(contentType[boundaryRange.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { throw .notMultipart }
        let delimiter = Array(("--" + boundary).utf8)
        let data = Data(body)
        var searchStart = data.startIndex
        while let start = data.range(of: Data(delimiter), in: searchStart..<data.endIndex) {
            let partStart = start.upperBound
            guard let next = data.range(of: Data(Array("\r\n".utf8) + delimiter), in: partStart..<data.endIndex) else { break }
            let part = data[partStart..<next.lowerBound]
            searchStart = next.lowerBound
            guard let headerEnd = part.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let headers = String(decoding: part[part.startIndex..<headerEnd.lowerBound], as: UTF8.self)
            guard headers.lowercased().contains("filename=") else { continue }
            return MultipartFile(fileName: Self.fileName(in: headers), bytes: Array(part[headerEnd.upperBound...]))
        }
        throw .noFilePart
    }

    private static func fileName(in headers: String) -> String {
        guard let range = headers.range(of: "filename=\"") else { return "" }
        return String(headers[range.upperBound...].prefix { $0 != "\"" })
    }
}
