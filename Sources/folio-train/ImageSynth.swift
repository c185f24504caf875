import FolioFingerprint
import Foundation

/// Synthetic pictures: a gradient background with rectangles, ellipses and stripe patches,
/// defined on the unit square and rendered at any size. Transforms: resize, crop, rotation,
/// brightness/contrast, blur, noise, an overlay patch, and JPEG-like 8×8 DCT quantisation.
struct ImageSynth: WorkSynthesiser {
    enum Shape { case rect, ellipse, stripes }
    struct Item { var shape: Shape, cx: Double, cy: Double, w: Double, h: Double, level: Double, period: Double }
    struct Work { var base: Double, gx: Double, gy: Double, items: [Item] }

    let medium = Medium.image
    let transforms = ["resize", "crop", "rotate", "brightness", "blur", "noise", "overlay", "jpeg"]

    func makeWork(_ random: inout SeededRandom) -> Work {
        let shapes: [Shape] = [.rect, .ellipse, .stripes]
        let items = (0..<random.int(3..<9)).map { _ in
            Item(shape: shapes[random.int(0..<3)], cx: random.uniform(0, 1), cy: random.uniform(0, 1),
                 w: random.uniform(0.08, 0.5), h: random.uniform(0.08, 0.5), level: random.uniform(0, 255),
                 period: random.uniform(0.02, 0.1))
        }
        return Work(base: random.uniform(40, 215), gx: random.uniform(-80, 80), gy: random.uniform(-80, 80), items: items)
    }

    func value(_ work: Work, _ u: Double, _ v: Double) -> Double {
        var p = work.base + work.gx * (u - 0.5) + work.gy * (v - 0.5)
        for item in work.items {
            let dx = (u - item.cx) / (item.w / 2), dy = (v - item.cy) / (item.h / 2)
            switch item.shape {
            case .rect: if abs(dx) <= 1 && abs(dy) <= 1 { p = item.level }
            case .ellipse: if dx * dx + dy * dy <= 1 { p = item.level }
            case .stripes:
                if abs(dx) <= 1 && abs(dy) <= 1 && Int((u / item.period).rounded(.down)) % 2 == 0 { p = item.level }
            }
        }
        return p
    }

    func original(_ work: Work) -> DecodedWork { image(render(work, width: 96, height: 72, crop: (0, 0, 1, 1), angle: 0)) }

    func transformed(_ work: Work, kind: String?, _ random: inout SeededRandom) -> DecodedWork {
        let width = picks("resize", kind, &random) ? random.int(40..<200) : 96
        let height = width * 3 / 4 + (picks("resize", kind, &random, p: 0.2) ? random.int(-5..<6) : 0)
        var crop = (0.0, 0.0, 1.0, 1.0)
        if picks("crop", kind, &random) {
            crop = (random.uniform(0, 0.1), random.uniform(0, 0.1), random.uniform(0.9, 1), random.uniform(0.9, 1))
        }
        let angle = picks("rotate", kind, &random) ? random.uniform(-0.08, 0.08) : 0
        var pixels = render(work, width: width, height: max(8, height), crop: crop, angle: angle).2
        let h = max(8, height)
        if picks("brightness", kind, &random) {
            let gain = random.uniform(0.7, 1.3), offset = random.uniform(-30, 30)
            pixels = pixels.map { $0 * gain + offset }
        }
        if picks("overlay", kind, &random, p: 0.3) {
            let ow = width / 5, oh = h / 5, ox = random.int(0..<width - ow), oy = random.int(0..<h - oh)
            let level = random.uniform(0, 255)
            for y in oy..<oy + oh { for x in ox..<ox + ow { pixels[y * width + x] = level } }
        }
        if picks("blur", kind, &random, p: 0.3) { pixels = boxBlur(pixels, width: width, height: h) }
        if picks("noise", kind, &random) {
            let sigma = random.uniform(2, 12)
            pixels = pixels.map { $0 + sigma * random.gaussian() }
        }
        if picks("jpeg", kind, &random) { pixels = JPEGLike.quantise(pixels, width: width, height: h, step: random.uniform(8, 40)) }
        return image((width, h, pixels))
    }

    func render(_ work: Work, width: Int, height: Int, crop: (Double, Double, Double, Double), angle: Double)
        -> (Int, Int, [Double]) {
        var pixels = [Double](repeating: 0, count: width * height)
        let c = cos(angle), s = sin(angle)
        for y in 0..<height {
            for x in 0..<width {
                var u = crop.0 + (crop.2 - crop.0) * (Double(x) + 0.5) / Double(width)
                var v = crop.1 + (crop.3 - crop.1) * (Double(y) + 0.5) / Double(height)
                (u, v) = (0.5 + c * (u - 0.5) - s * (v - 0.5), 0.5 + s * (u - 0.5) + c * (v - 0.5))
                pixels[y * width + x] = value(work, u, v)
            }
        }
        return (width, height, pixels)
    }

    func boxBlur(_ p: [Double], width: Int, height: Int) -> [Double] {
        var out = p
        for y in 1..<height - 1 {
            for x in 1..<width - 1 {
                var sum = 0.0
                for dy in -1...1 { for dx in -1...1 { sum += p[(y + dy) * width + x + dx] } }
                out[y * width + x] = sum / 9
            }
        }
        return out
    }

    func image(_ rendered: (Int, Int, [Double])) -> DecodedWork {
        let bytes = rendered.2.map { UInt8(max(0, min(255, $0.rounded()))) }
        return .image(GreyImage.checked(width: rendered.0, height: rendered.1, pixels: bytes)!)
    }
}

/// A stand-in for JPEG compression: 8×8 DCT, uniform quantisation with a step that grows with
/// frequency, inverse DCT.
enum JPEGLike {
    static let basis: [Double] = (0..<64).map { i in
        let u = i / 8, x = i % 8
        return (u == 0 ? (1.0 / 8).squareRoot() : (2.0 / 8).squareRoot()) * cos(Double.pi * Double(2 * x + 1) * Double(u) / 16)
    }

    static func quantise(_ p: [Double], width: Int, height: Int, step: Double) -> [Double] {
        var out = p
        for by in stride(from: 0, through: height - 8, by: 8) {
            for bx in stride(from: 0, through: width - 8, by: 8) {
                var block = [Double](repeating: 0, count: 64)
                for v in 0..<8 { for u in 0..<8 {
                    var sum = 0.0
                    for y in 0..<8 { for x in 0..<8 { sum += basis[v * 8 + y] * basis[u * 8 + x] * p[(by + y) * width + bx + x] } }
                    let q = step * (1 + Double(u + v) / 4)
                    block[v * 8 + u] = (sum / q).rounded() * q
                } }
                for y in 0..<8 { for x in 0..<8 {
                    var sum = 0.0
                    for v in 0..<8 { for u in 0..<8 { sum += basis[v * 8 + y] * basis[u * 8 + x] * block[v * 8 + u] } }
                    out[(by + y) * width + bx + x] = sum
                } }
            }
        }
        return out
    }
}
