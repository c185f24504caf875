import CLibJPEG

/// Reads JPEG through libjpeg-turbo to greyscale (the Y channel, accurate integer IDCT).
///
/// libjpeg's fatal errors must jump, which Swift cannot do, so the decode loop lives in a small
/// C function in the CLibJPEG shim; it returns a status and a message instead. libjpeg's
/// warnings (corrupt or missing data) count as errors here.
enum JPEGReader {
    static func isJPEG(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF
    }

    static func read(_ bytes: [UInt8]) throws(InputProblem) -> GreyImage {
        var pixels: UnsafeMutablePointer<UInt8>?
        var width: UInt32 = 0
        var height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { input in
            message.withUnsafeMutableBufferPointer { text in
                folio_jpeg_decode_grey(input.baseAddress, UInt(input.count), UInt(InputLimits.maxImageSide),
                                       UInt(InputLimits.maxImagePixels), &pixels, &width, &height,
                                       text.baseAddress, text.count)
            }
        }
        defer { free(pixels) }
        switch status {
        case 0:
            guard let pixels, width > 0, height > 0 else { throw .corrupt("libjpeg returned no pixels") }
            let count = Int(width) * Int(height)
            return GreyImage(width: Int(width), height: Int(height),
                             pixels: Array(UnsafeBufferPointer(start: pixels, count: count)))
        case 2:
            throw .tooLarge("\(width)×\(height) image (cap \(InputLimits.maxImagePixels) pixels)")
        default:
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw text.contains("Premature end") ? .truncated("libjpeg: \(text)") : .corrupt("libjpeg: \(text)")
        }
    }
}
