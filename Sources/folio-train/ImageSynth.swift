import FolioFingerprint
import Foundation

/// Synthetic pictures: a gradient background, in most works with a texture of plane waves whose
/// amplitude falls with frequency (roughly the 1/f spectrum of photographs), and rectangles,
/// ellipses and stripe patches on top, defined on the unit square and rendered at any size.
/// Transforms: resize, crop, rotation (corners outside the picture filled, as image editors
/// do), brightness/contrast, blur, noise, an overlay (a solid patch or a translucent caption
/// box with dark marks in it), and JPEG-like 8×8 DCT quantisation.
struct ImageSynth: WorkSynthesiser {
    enum Shape { case rect, ellipse, stripes }
    struct Item { var shape: Shape, cx: Double, cy: Double, w: Double, h: Double, level: Double, period: Double }
    /// One plane wave of the background texture: amplitude × cos(2π(fu·u + fv·v) + phase).
    struct Wave { var fu: Double, fv: Double, phase: Double, amplitude: Double }
    struct Work { var base: Double, gx: Double, gy: Double, waves: [Wave], items: [Item] }

    let medium = Medium.image
    let transforms = ["resize", "crop", "rotate", "brightness", "blur", "noise", "overlay", "jpeg"]

    func makeWork(_ random: inout SeededRandom) -> Work {
        let shapes: [Shape] = [.rect, .ellipse, .stripes]
        let items = (0..<random.int(3..<9)).map { _ in
            Item(shape: shapes[random.int(0..<3)], cx: random.uniform(0, 1), cy: random.uniform(0, 1),
                 w: random.uniform(0.08, 0.5), h: random.uniform(0.08, 0.5), level: random.uniform(0, 255),
                 period: random.uniform(0.02, 0.1))
        }
        var waves: [Wave] = []
        if random.chance(0.7) {
            let strength = random.uniform(10, 60), exponent = random.uniform(1, 1.8)
            waves = (0..<12).map { _ in
                let f = random.uniform(1, 16), angle = random.uniform(0, 2 * Double.pi)
                return Wave(fu: f * cos(angle), fv: f * sin(angle), phase: random.uniform(0, 2 * Double.pi),
                            amplitude: strength * random.gaussian() / pow(f, exponent / 2))
            }
        }
        return Work(base: random.uniform(40, 215), gx: random.uniform(-80, 80), gy: random.uniform(-80, 80),
                    waves: waves, items: items)
    }

    func value(_ work: Work, _ u: Double, _ v: Double) -> Double {
        var p = work.base + work.gx * (u - 0.5) + work.gy * (v - 0.5)
        for wave in work.waves { p += wave.amplitude * cos(2 * Double.pi * (wave.fu * u + wave.fv * v) + wave.phase) }
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

    func original(_ work: Work) -> DecodedWork { image(render(work, width: 96, height: 72, crop: (0, 0, 1, 1), angle: 0, fill: nil)) }

    func transformed(_ work: Work, kind: String?, _ random: inout SeededRandom) -> DecodedWork {
        let width = picks("resize", kind, &random) ? random.int(40..<200) : 96
        let height = width * 3 / 4 + (picks("resize", kind, &random, p: 0.2) ? random.int(-5..<6) : 0)
        var crop = (0.0, 0.0, 1.0, 1.0)
        if picks("crop", kind, &random) {
            crop = (random.uniform(0, 0.1), random.uniform(0, 0.1), random.uniform(0.9, 1), random.uniform(0.9, 1))
        }
        let angle = picks("rotate", kind, &random) ? random.uniform(-0.08, 0.08) : 0
        // Editors rotate within the frame and fill the corners (black most often).
        let fill: Double? = angle == 0 ? nil : [0, 0, 0, 255, nil][random.int(0..<5)]
        var pixels = render(work, width: width, height: max(8, height), crop: crop, angle: angle, fill: fill).2
        let h = max(8, height)
        if picks("brightness", kind, &random) {
            let gain = random.uniform(0.7, 1.3), offset = random.uniform(-30, 30)
            pixels = pixels.map { $0 * gain + offset }
        }
        if picks("overlay", kind, &random) {
            if random.chance(0.3) {
                let ow = width / 5, oh = h / 5, ox = random.int(0..<width - ow), oy = random.int(0..<h - oh)
                let level = random.uniform(0, 255)
                for y in oy..<oy + oh { for x in ox..<ox + ow { pixels[y * width + x] = level } }
            } else {
                pixels = caption(pixels, width: width, height: h, &random)
            }
        }
        if picks("blur", kind, &random, p: 0.3) { pixels = boxBlur(pixels, width: width, height: h) }
        if picks("noise", kind, &random) {
            let sigma = random.uniform(2, 12)
            pixels = pixels.map { $0 + sigma * random.gaussian() }
        }
        if picks("jpeg", kind, &random) { pixels = JPEGLike.quantise(pixels, width: width, height: h, step: random.uniform(8, 40)) }
        return image((width, h, pixels))
    }

    /// A caption box like a credit line: a translucent light (or dark) rectangle of 20–45 % of
    /// the width and 10–25 % of the height, most often near a corner, with dark (or light)
    /// marks in it standing for letters.
    func caption(_ pixels: [Double], width: Int, height: Int, _ random: inout SeededRandom) -> [Double] {
        var out = pixels
        let bw = max(2, Int(Double(width) * random.uniform(0.2, 0.45))), bh = max(2, Int(Double(height) * random.uniform(0.1, 0.25)))
        let corner = random.chance(0.7)
        let bx = corner ? (random.chance(0.5) ? width - bw - random.int(0..<max(1, width / 20)) : random.int(0..<max(1, width / 20)))
                        : random.int(0..<width - bw + 1)
        let by = corner ? (random.chance(0.7) ? height - bh - random.int(0..<max(1, height / 20)) : random.int(0..<max(1, height / 20)))
                        : random.int(0..<height - bh + 1)
        let light = random.chance(0.8)
        let level = light ? random.uniform(220, 255) : random.uniform(0, 40), alpha = random.uniform(0.5, 1)
        let ink = light ? random.uniform(0, 60) : random.uniform(200, 255)
        for y in by..<by + bh { for x in bx..<bx + bw { out[y * width + x] = alpha * level + (1 - alpha) * out[y * width + x] } }
        // Letters: short vertical strokes along a line in the box's middle third.
        let top = by + bh / 3, bottom = max(top + 1, by + 2 * bh / 3)
        var x = bx + max(1, bw / 12)
        while x < bx + bw - max(1, bw / 12) {
            if random.chance(0.6) { for y in top..<bottom { out[y * width + x] = ink } }
            x += 1 + random.int(0..<2)
        }
        return out
    }

    /// Samples the work over `crop` of the unit square, rotated by `angle` about the centre;
    /// with a `fill`, points the rotation takes outside the unit square get that level.
    func render(_ work: Work, width: Int, height: Int, crop: (Double, Double, Double, Double), angle: Double, fill: Double?)
        -> (Int, Int, [Double]) {
        var pixels = [Double](repeating: 0, count: width * height)
        let c = cos(angle), s = sin(angle)
        for y in 0..<height {
            for x in 0..<width {
                var u = crop.0 + (crop.2 - crop.0) * (Double(x) + 0.5) / Double(width)
                var v = crop.1 + (crop.3 - crop.1) * (Double(y) + 0.5) / Double(height)
                (u, v) = (0.5 + c * (u - 0.5) - s * (v - 0.5), 0.5 + s * (u - 0.5) + c * (v - 0.5))
                if let fill, u < 0 || u > 1 || v < 0 || v > 1 {
                    pixels[y * width + x] = fill
                } else {
                    pixels[y * width + x] = value(work, u, v)
                }
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
