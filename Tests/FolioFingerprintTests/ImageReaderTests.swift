import Testing
@testable import FolioFingerprint

@Suite struct ImageReaderTests {
    func image(_ bytes: [UInt8]) throws -> GreyImage {
        guard case let .image(image) = try MediaDecoder.decode(bytes, file: "t") else { throw InputProblem.unknownFormat }
        return image
    }

    func problem(_ bytes: [UInt8]) -> InputProblem? {
        do {
            _ = try MediaDecoder.decode(bytes, file: "pic")
            return nil
        } catch {
            return error.problem
        }
    }

    @Test func binaryGreyPGMIsReadAsWritten() throws {
        let i = try image(Array("P5\n2 2\n255\n".utf8) + [0, 64, 128, 255])
        #expect(i.width == 2 && i.height == 2 && i.pixels == [0, 64, 128, 255])
    }

    @Test func plainPGMSkipsCommentsAndScalesTheMaximumValueTo255() throws {
        // maxval 15: 15 → 255, 5 → (5·255 + 7) / 15 = 85, 1 → (255 + 7) / 15 = 17.
        let i = try image(Array("P2 # a comment\n3 1 # size\n15\n15 5 1\n".utf8))
        #expect(i.pixels == [255, 85, 17])
    }

    @Test func colourPPMBecomesBT601Luma() throws {
        // (255, 0, 0): (77·255 + 128) >> 8 = 19763 >> 8 = 77; (0, 255, 0): 38378 >> 8 = 149;
        // (0, 0, 255): 7523 >> 8 = 29; white stays 255.
        let i = try image(Array("P6 4 1 255\n".utf8) + [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
        #expect(i.pixels == [77, 149, 29, 255])
        let plain = try image(Array("P3 4 1 255 255 0 0 0 255 0 0 0 255 255 255 255".utf8))
        #expect(plain == i)
    }

    @Test func sixteenBitPGMIsBigEndianAndScaled() throws {
        // 0x8000 of 65535 → (32768·255 + 32767) / 65535 = 128.
        let i = try image(Array("P5 1 1 65535\n".utf8) + [0x80, 0x00])
        #expect(i.pixels == [128])
    }

    static let brokenNetpbm: [(String, [UInt8], InputProblem)] = [
        ("P5 2 2 255\n", [1, 2, 3], .truncated("2×2 raster")),
        ("P2 2 1 10\n", Array("3 11".utf8), .corrupt("sample 11 exceeds the maximum value 10")),
        ("P5 0 3 255\n", [], .corrupt("image is 0×3")),
        ("P5 2 1 70000\n", [], .corrupt("maximum value 70000 not in 1...65535")),
        ("P5 70000 1 255\n", [], .tooLarge("70000×1 image (cap 80000000 pixels)")),
        ("P2 2 1 255\n", Array("3".utf8), .truncated("file ends before the sample 1")),
        ("P5 2 x 255\n", [], .corrupt("height is not a number")),
        // 60 M samples claimed by a 20-byte file: refused where the file ends. (The reader
        // reserves room from the file's size, not the claim; this case is the one that used to
        // reserve 480 MB first.)
        ("P3 8000 2500 255\n", Array("1 2".utf8), .truncated("file ends before the sample 2")),
    ]

    @Test(arguments: brokenNetpbm)
    func brokenNetpbmGivesItsReason(header: String, body: [UInt8], expected: InputProblem) {
        #expect(problem(Array(header.utf8) + body) == expected)
    }

    @Test func pngIsCompositedToLumaPixelByPixel() throws {
        // gradient.png (scripts/fingerprint-fixtures.sh): red 32x, green 64y, blue 100.
        // (0,0): (29·100 + 128) >> 8 = 11. (7,3): (77·224 + 150·192 + 29·100 + 128) >> 8 = 49076 >> 8 = 191.
        // (1,0): (77·32 + 2900 + 128) >> 8 = 5492 >> 8 = 21. (0,1): (150·64 + 3028) >> 8 = 12628 >> 8 = 49.
        let i = try image(try TestFiles.vector("gradient.png"))
        #expect(i.width == 8 && i.height == 4)
        #expect(i.pixels[0] == 11 && i.pixels[31] == 191 && i.pixels[1] == 21 && i.pixels[8] == 49)
    }

    @Test func pngWhoseLastChunkIsCutShortIsTruncated() throws {
        // gradient.png ends with IEND (length 0, 4-byte type, 4-byte CRC): drop two CRC bytes.
        let whole = try TestFiles.vector("gradient.png")
        #expect(problem(Array(whole.dropLast(2))) == .truncated("chunk 'IEND' of 0 bytes"))
    }

    @Test func transparentPNGPixelsBecomeWhite() throws {
        let i = try image(try TestFiles.vector("grey-alpha.png"))
        #expect(i.pixels == [255, 100])
    }

    @Test func jpegOfFlatMidGreyDecodesExactly() throws {
        let i = try image(try TestFiles.vector("flat-grey.jpg"))
        #expect(i.width == 16 && i.height == 8 && i.pixels.allSatisfy { $0 == 128 })
    }

    @Test func colourJPEGIsReadAsItsLumaChannel() throws {
        // Y of (200, 100, 50) = 0.299·200 + 0.587·100 + 0.114·50 = 124.2; JPEG may move it by one.
        let i = try image(try TestFiles.vector("flat-colour.jpg"))
        #expect(i.width == 16 && i.pixels.allSatisfy { (123...125).contains($0) })
    }

    @Test(arguments: ["gradient.png", "flat-colour.jpg"])
    func truncatedOrDamagedCompressedImagesAreErrors(name: String) throws {
        let whole = try TestFiles.vector(name)
        for cut in [whole.count / 2, whole.count - 2] {
            let p = problem(Array(whole.prefix(cut)))
            #expect(p != nil, "cut at \(cut)")
        }
        var damaged = whole
        for i in 20..<min(60, damaged.count) { damaged[i] ^= 0x5A }
        #expect(problem(damaged) != nil)
    }

    @Test func libraryErrorsAreReportedWithTheLibraryMessage() throws {
        // flat-grey.jpg with its SOF0 sample precision changed from 8 to 12 bits.
        var bytes = try TestFiles.vector("flat-grey.jpg")
        guard let sof = (0..<bytes.count - 4).first(where: { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 }) else {
            Issue.record("fixture has no SOF0 marker")
            return
        }
        bytes[sof + 4] = 12
        let p = problem(bytes)
        guard case let .corrupt(text)? = p else { Issue.record("expected corrupt, got \(String(describing: p))"); return }
        #expect(text.hasPrefix("libjpeg: "))
        #expect(problem([0xFF, 0xD8, 0xFF, 0x00, 0x01]) == .truncated("libjpeg: Premature end of JPEG file"))
    }
}
