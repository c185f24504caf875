import CLibPNG

/// Reads PNG through libpng's simplified API, which reports errors by return value (libpng
/// catches its own longjmp inside), so no jump ever crosses Swift frames.
///
/// Every PNG is read as 8-bit sRGB RGBA, composited over white by its alpha, then reduced to
/// luma with the same integer weights the PPM reader uses.
enum PNGReader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func isPNG(_ bytes: [UInt8]) -> Bool { bytes.starts(with: signature) }

    static func read(_ bytes: [UInt8]) throws(InputProblem) -> GreyImage {
        try checkChunks(bytes)
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let began = bytes.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        guard began != 0 else { throw .corrupt("libpng: \(message(of: image))") }
        let width = Int(image.width)
        let height = Int(image.height)
        try PNMReader.checkSize(width: width, height: height)
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        let finished = rgba.withUnsafeMutableBytes { out in
            png_image_finish_read(&image, nil, out.baseAddress, 0, nil)
        }
        guard finished != 0 else {
            let text = message(of: image)
            throw text.contains("EOF") || text.contains("end") ? .truncated("libpng: \(text)") : .corrupt("libpng: \(text)")
        }
        let pixels = [UInt8](unsafeUninitializedCapacity: width * height) { out, done in
            rgba.withUnsafeBufferPointer { rgba in
                for p in 0..<width * height {
                    let alpha = Int(rgba[4 * p + 3])
                    let luma = GreyImage.luma(red: Int(rgba[4 * p]), green: Int(rgba[4 * p + 1]), blue: Int(rgba[4 * p + 2]))
                    // Opaque pixels (most) skip the division: (luma·255 + 127) / 255 is luma.
                    out[p] = alpha == 255 ? luma : UInt8((Int(luma) * alpha + 255 * (255 - alpha) + 127) / 255)
                }
            }
            done = width * height
        }
        return GreyImage(width: width, height: height, pixels: pixels)
    }

    /// Walks the chunk list up to IEND, checking each declared length against the bytes left,
    /// because libpng stops reading after the image data and would accept a cut-off tail.
    static func checkChunks(_ bytes: [UInt8]) throws(InputProblem) {
        var cursor = ByteCursor(bytes, offset: signature.count)
        while true {
            let b = try cursor.readBytes(4, for: "chunk length")
            let length = Int(b[b.startIndex]) << 24 | Int(b[b.startIndex + 1]) << 16 | Int(b[b.startIndex + 2]) << 8
                | Int(b[b.startIndex + 3])
            let type = try cursor.readTag(for: "chunk type")
            guard length < 1 << 31 else { throw .corrupt("chunk '\(type)' length \(length) exceeds 2^31 − 1") }
            try cursor.skip(length + 4, for: "chunk '\(type)' of \(length) bytes")
            if type == "IEND" { return }
        }
    }

    private static func message(of image: png_image) -> String {
        var copy = image.message
        return withUnsafeBytes(of: &copy) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
