import Testing
@testable import FolioFingerprint

/// The Netpbm reader against the format's definition, written out here on its own: random
/// images of every kind (P2, P3, P5, P6; maximum values from 1 to 65,535, one or two bytes a
/// sample), each sample scaled to (v·255 + max/2) / max with integer division, colour to
/// BT.601 luma (77r + 150g + 29b + 128) >> 8; and a sample over the maximum reported by the
/// first such value in raster order.
@Suite struct NetpbmOracleTests {
    static let maxValues = [1, 7, 200, 255, 256, 1000, 65535]

    func file(kind: Int, width: Int, height: Int, maxValue: Int, samples: [Int]) -> [UInt8] {
        var bytes = Array("P\(kind)\n# made by a test\n\(width) \(height)\n\(maxValue)\n".utf8)
        if kind == 5 || kind == 6 {
            for v in samples {
                if maxValue > 255 { bytes += [UInt8(v >> 8), UInt8(v & 0xFF)] } else { bytes.append(UInt8(v)) }
            }
        } else {
            bytes += Array(samples.map(String.init).joined(separator: " ").utf8)
        }
        return bytes
    }

    @Test(arguments: [2, 3, 5, 6])
    func pixelsFollowTheDefinition(kind: Int) throws {
        var rng = TestRandom(seed: UInt64(kind))
        let colour = kind == 3 || kind == 6
        for maxValue in Self.maxValues {
            let width = Int.random(in: 1...9, using: &rng), height = Int.random(in: 1...7, using: &rng)
            let samples = (0..<width * height * (colour ? 3 : 1)).map { _ in Int.random(in: 0...maxValue, using: &rng) }
            let scaled = samples.map { ($0 * 255 + maxValue / 2) / maxValue }
            func luma(_ p: Int) -> UInt8 {
                let r = scaled[3 * p], g = scaled[3 * p + 1], b = scaled[3 * p + 2]
                return UInt8((77 * r + 150 * g + 29 * b + 128) >> 8)
            }
            let expected: [UInt8] = colour ? (0..<width * height).map(luma) : scaled.map { UInt8($0) }
            let decoded = try MediaDecoder.decode(file(kind: kind, width: width, height: height, maxValue: maxValue, samples: samples), file: "t")
            guard case let .image(image) = decoded else { Issue.record("not an image"); continue }
            #expect(image.width == width && image.height == height && image.pixels == expected, "max \(maxValue)")
        }
    }

    @Test(arguments: [2, 3, 5, 6])
    func theFirstSampleOverTheMaximumIsNamed(kind: Int) {
        var rng = TestRandom(seed: 100 + UInt64(kind))
        for maxValue in Self.maxValues where maxValue != 255 && maxValue != 65535 {
            let count = 12 * (kind == 3 || kind == 6 ? 3 : 1)
            var samples = (0..<count).map { _ in Int.random(in: 0...maxValue, using: &rng) }
            let first = Int.random(in: 0..<count - 1, using: &rng)
            let top = maxValue > 255 ? 65535 : 255
            samples[first] = Int.random(in: maxValue + 1...top, using: &rng)
            samples[count - 1] = maxValue + 1 == samples[first] ? top : maxValue + 1  // a later, different one
            do {
                _ = try MediaDecoder.decode(file(kind: kind, width: 4, height: 3, maxValue: maxValue, samples: samples), file: "t")
                Issue.record("accepted a sample over the maximum \(maxValue)")
            } catch {
                #expect(error.problem == .corrupt("sample \(samples[first]) exceeds the maximum value \(maxValue)"))
            }
        }
    }
}
