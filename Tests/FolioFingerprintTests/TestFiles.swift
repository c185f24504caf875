import Foundation

/// Builders for hand-made input files and access to the committed vector files.
enum TestFiles {
    /// Bytes of a file under `Vectors/`.
    static func vector(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Vectors") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(try Data(contentsOf: url))
    }

    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    static func chunk(_ tag: String, _ body: [UInt8]) -> [UInt8] {
        Array(tag.utf8) + le32(body.count) + body + (body.count % 2 == 1 ? [0] : [])
    }

    static func fmt(tag: Int = 1, channels: Int = 1, rate: Int = 8000, bits: Int = 16,
                    blockAlign: Int? = nil) -> [UInt8] {
        let align = blockAlign ?? channels * bits / 8
        return le16(tag) + le16(channels) + le32(rate) + le32(rate * align) + le16(align) + le16(bits)
    }

    /// A RIFF/WAVE file from chunks, with a correct RIFF size unless one is given.
    static func wav(_ chunks: [UInt8], riffSize: Int? = nil) -> [UInt8] {
        Array("RIFF".utf8) + le32(riffSize ?? chunks.count + 4) + Array("WAVE".utf8) + chunks
    }

    /// A 16-bit PCM WAV holding `samples` (interleaved if stereo).
    static func wav16(_ samples: [Int16], channels: Int = 1, rate: Int = 8000) -> [UInt8] {
        let data = samples.flatMap { le16(Int(UInt16(bitPattern: $0))) }
        return wav(chunk("fmt ", fmt(channels: channels, rate: rate)) + chunk("data", data))
    }
}
