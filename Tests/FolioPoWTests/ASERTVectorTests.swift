import Foundation
import FolioConsensus
import FolioCore
import Testing
@testable import FolioPoW

/// One line of a published aserti3-2d vector file.
struct ASERTVector: CustomTestStringConvertible, Sendable {
    let file: String
    let iteration: Int
    let anchorHeight: Int64
    let anchorParentTime: Int64
    let anchorBits: UInt32
    let height: Int64
    let time: Int64
    let bits: UInt32

    var testDescription: String { "\(file)#\(iteration)" }

    static let files = ["run01", "run02", "run03", "run04", "run05", "run06-first100"]

    static func load() -> [ASERTVector] {
        files.flatMap { name -> [ASERTVector] in
            guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Vectors/asert"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            var header: [String: String] = [:]
            var out: [ASERTVector] = []
            for line in text.split(separator: "\n") {
                if line.hasPrefix("##") {
                    let parts = line.dropFirst(2).split(separator: ":", maxSplits: 1)
                    if parts.count == 2 { header[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces) }
                    continue
                }
                if line.hasPrefix("#") { continue }
                let fields = line.split(separator: " ")
                guard fields.count == 4, let iteration = Int(fields[0]), let height = Int64(fields[1]),
                      let time = Int64(fields[2]), let bits = hex32(String(fields[3])),
                      let anchorHeight = header["anchor height"].flatMap({ Int64($0) }),
                      let anchorTime = header["anchor ancestor time"].flatMap({ Int64($0) }),
                      let anchorBits = header["anchor nBits"].flatMap(hex32) else { continue }
                out.append(ASERTVector(file: name, iteration: iteration, anchorHeight: anchorHeight,
                                       anchorParentTime: anchorTime, anchorBits: anchorBits,
                                       height: height, time: time, bits: bits))
            }
            return out
        }
    }

    static func hex32(_ text: String) -> UInt32? {
        text.hasPrefix("0x") ? UInt32(text.dropFirst(2), radix: 16) : nil
    }
}

@Suite struct ASERTVectorTests {
    static let vectors = ASERTVector.load()

    @Test func everyTranscribedVectorLoads() {
        // 10 + 10 + 10 + 225 + 225 + 100 lines in the six files.
        #expect(Self.vectors.count == 580)
    }

    @Test(arguments: vectors)
    func aserti3_2dMatchesPublishedTarget(vector: ASERTVector) throws {
        let anchor = try #require(CompactTarget.target(from: vector.anchorBits))
        let limit = try #require(CompactTarget.target(from: 0x1d00_ffff))
        let next = ASERT.nextTarget(
            anchorTarget: anchor, timeDelta: vector.time - vector.anchorParentTime,
            heightDelta: vector.height - vector.anchorHeight, spacing: 600, halfLife: 172_800, powLimit: limit)
        #expect(CompactTarget.bits(for: next) == vector.bits)
    }
}
