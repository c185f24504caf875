/// Turns a file's bytes into a decoded work, choosing the reader from the bytes themselves
/// (magic numbers), never from the file name.
public enum MediaDecoder {
    /// Decodes `bytes`; `file` names the input in any error.
    ///
    /// WAV, PNG, JPEG and PPM/PGM are recognised by their leading bytes; anything else that is
    /// valid UTF-8 without NUL bytes is text.
    public static func decode(_ bytes: [UInt8], file: String) throws(FingerprintInputError) -> DecodedWork {
        do {
            return try decode(bytes)
        } catch {
            throw FingerprintInputError(file: file, problem: error)
        }
    }

    /// Runs `body`, reporting its problem the way `decode(_:file:)` does.
    static func wrapping<T>(_ file: String, _ body: () throws(InputProblem) -> T) throws(FingerprintInputError) -> T {
        do {
            return try body()
        } catch {
            throw FingerprintInputError(file: file, problem: error)
        }
    }

    static func decode(_ bytes: [UInt8]) throws(InputProblem) -> DecodedWork {
        guard !bytes.isEmpty else { throw .empty }
        if bytes.starts(with: "RIFF".utf8) {
            guard WAVReader.isWAV(bytes) else { throw .unsupported("RIFF file that is not WAVE") }
            return .audio(try WAVReader.read(bytes))
        }
        if PNGReader.isPNG(bytes) { return .image(try PNGReader.read(bytes)) }
        if JPEGReader.isJPEG(bytes) { return .image(try JPEGReader.read(bytes)) }
        if PNMReader.isPNM(bytes), bytes.count > 2, PNMReader.Scanner.isSpace(bytes[2]) {
            return .image(try PNMReader.read(bytes))
        }
        guard TextReader.firstInvalidOffset(bytes.count > 4096 ? bytes[..<4096] : bytes[...]) == nil
            || bytes.count > 4096 && TextReader.firstInvalidOffset(bytes[..<4096].dropLast(3)) == nil
        else { throw .unknownFormat }
        return .text(try TextReader.read(bytes))
    }
}
