/// Reads UTF-8 text. Invalid UTF-8 is an error with the offset of the first bad byte; a
/// leading byte-order mark is dropped; NUL bytes mean the file is not text.
enum TextReader {
    static func read(_ bytes: [UInt8]) throws(InputProblem) -> String {
        guard bytes.count <= InputLimits.maxTextBytes else {
            throw .tooLarge("\(bytes.count) bytes of text (cap \(InputLimits.maxTextBytes))")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let bad = firstInvalidOffset(body) {
            throw .corrupt("invalid UTF-8 at byte \(bad + bytes.count - body.count)")
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// The offset (from the slice start) of the first byte that does not begin a valid UTF-8
    /// scalar, or of a NUL byte; `nil` if the whole slice is valid.
    static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count == 1 && encoded.first == 0 { return offset }
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
