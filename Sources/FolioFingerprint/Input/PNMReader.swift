/// Reads Netpbm greyscale and colour images: P5/P6 (binary) and P2/P3 (plain text), with any
/// maximum value up to 65535. Colour is converted to luma.
enum PNMReader {
    static func isPNM(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == UInt8(ascii: "P") && [UInt8(ascii: "2"), UInt8(ascii: "3"),
            UInt8(ascii: "5"), UInt8(ascii: "6")].contains(bytes[1])
    }

    static func read(_ bytes: [UInt8]) throws(InputProblem) -> GreyImage {
        guard isPNM(bytes) else { throw .corrupt("not a P2, P3, P5 or P6 header") }
        let kind = bytes[1]
        let isColour = kind == UInt8(ascii: "3") || kind == UInt8(ascii: "6")
        let isBinary = kind == UInt8(ascii: "5") || kind == UInt8(ascii: "6")
        var scanner = Scanner(bytes: bytes, offset: 2)
        let width = try scanner.number(for: "width")
        let height = try scanner.number(for: "height")
        let maxValue = try scanner.number(for: "maximum value")
        guard width > 0, height > 0 else { throw .corrupt("image is \(width)×\(height)") }
        guard (1...65535).contains(maxValue) else { throw .corrupt("maximum value \(maxValue) not in 1...65535") }
        try checkSize(width: width, height: height)
        let channels = isColour ? 3 : 1
        let count = width * height * channels
        // Every sample value's 8-bit level, (v·255 + max/2) / max, looked up rather than divided.
        let levels = (0...maxValue).map { UInt8(($0 * 255 + maxValue / 2) / maxValue) }
        let samples: [UInt8]
        if isBinary {
            // Exactly one whitespace byte separates the header from the raster.
            guard scanner.offset < bytes.count, Scanner.isSpace(bytes[scanner.offset]) else {
                throw .truncated("header ends without the byte before the raster")
            }
            let start = scanner.offset + 1
            let wide = maxValue > 255
            var cursor = ByteCursor(bytes, offset: start)
            try cursor.require(count * (wide ? 2 : 1), for: "\(width)×\(height) raster")
            samples = try levelled(count: count, maxValue: maxValue, levels: levels) { i in
                wide ? Int(bytes[start + 2 * i]) << 8 | Int(bytes[start + 2 * i + 1]) : Int(bytes[start + i])
            }
        } else {
            // Reserved from the bytes there are, not the header's claim: each sample takes at
            // least two bytes (a digit and a separator), so a small file declaring a huge image
            // fails at its end instead of allocating the claimed raster first.
            var values: [Int] = []
            values.reserveCapacity(min(count, (bytes.count - scanner.offset) / 2 + 1))
            for i in 0..<count { values.append(try scanner.number(for: "sample \(i)")) }
            samples = try levelled(count: count, maxValue: maxValue, levels: levels) { values[$0] }
        }
        guard isColour else { return GreyImage(width: width, height: height, pixels: samples) }
        let pixels = [UInt8](unsafeUninitializedCapacity: width * height) { out, done in
            samples.withUnsafeBufferPointer { rgb in
                for p in 0..<width * height {
                    out[p] = GreyImage.luma(red: Int(rgb[3 * p]), green: Int(rgb[3 * p + 1]), blue: Int(rgb[3 * p + 2]))
                }
            }
            done = width * height
        }
        return GreyImage(width: width, height: height, pixels: pixels)
    }

    /// The 8-bit level of each of `count` samples (`sample(i)`, in raster order); the first
    /// sample over `maxValue` is an error naming it, as before any pixel is made.
    private static func levelled(count: Int, maxValue: Int, levels: [UInt8],
                                 sample: (Int) -> Int) throws(InputProblem) -> [UInt8] {
        var bad: Int?
        let out = [UInt8](unsafeUninitializedCapacity: count) { out, done in
            levels.withUnsafeBufferPointer { levels in
                for i in 0..<count {
                    let v = sample(i)
                    guard v <= maxValue else { bad = v; break }
                    out[i] = levels[v]
                    done = i + 1
                }
            }
        }
        if let bad { throw .corrupt("sample \(bad) exceeds the maximum value \(maxValue)") }
        return out
    }

    static func checkSize(width: Int, height: Int) throws(InputProblem) {
        guard width <= InputLimits.maxImageSide, height <= InputLimits.maxImageSide,
              width * height <= InputLimits.maxImagePixels else {
            throw .tooLarge("\(width)×\(height) image (cap \(InputLimits.maxImagePixels) pixels)")
        }
    }

    /// Reads whitespace-separated decimal numbers, skipping `#` comments to the end of the line.
    struct Scanner {
        let bytes: [UInt8]
        var offset: Int

        static func isSpace(_ byte: UInt8) -> Bool { [9, 10, 11, 12, 13, 32].contains(byte) }

        mutating func number(for what: String) throws(InputProblem) -> Int {
            while offset < bytes.count {
                if Scanner.isSpace(bytes[offset]) {
                    offset += 1
                } else if bytes[offset] == UInt8(ascii: "#") {
                    while offset < bytes.count, bytes[offset] != 10, bytes[offset] != 13 { offset += 1 }
                } else {
                    break
                }
            }
            var value = 0
            var digits = 0
            while offset < bytes.count, (48...57).contains(bytes[offset]) {
                value = value * 10 + Int(bytes[offset] - 48)
                digits += 1
                offset += 1
                guard value <= 1 << 31 else { throw .corrupt("\(what) is too large") }
            }
            guard digits > 0 else {
                throw offset >= bytes.count ? .truncated("file ends before the \(what)") : .corrupt("\(what) is not a number")
            }
            return value
        }
    }
}
