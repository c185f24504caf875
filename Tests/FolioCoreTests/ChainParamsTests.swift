import FolioCrypto
import Testing
@testable import FolioCore

@Suite struct ChainParamsTests {
    /// `GenesisJSON.pow` as canonical bytes, written field by field.
    static let paramsHex =
        "07000000" // chain id 7
        + "01" // network: test
        + "0000006800000000" // genesis timestamp 0x68000000
        + "00" + "3c000000" + "100e0000" + "ffff7f20" // PoW: spacing 60, half-life 3600 = 0xe10, bits 0x207fffff
        + "00f2052a01000000" // block reward 5,000,000,000 = 0x12a05f200
        + "02" // two prefunded accounts, sorted by address
        + rep("01", 20) + "e803000000000000" // 1,000
        + rep("02", 20) + "1000000000000000" // 16
        + "1800" + "4000" // thresholds 24 and 64
        + rep("77", 32) // model id
        + "00002000" // max block bytes 2,097,152 = 0x200000
        + "10270000" // max transactions 10,000 = 0x2710

    // SHA-256 of `paramsHex`, computed outside Swift (Python hashlib).
    static let paramsId = "afafafac37552b642c183b33f18436121e7c9a48f222ea98df30034bcfdc38c4"

    static let genesisHeaderHex =
        "01000000" + "07000000" + "0000000000000000" // version 1, chain 7, height 0
        + rep("00", 32) // parent: none
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" // merkle root of no ids
        + paramsId // state root: the parameters' id
        + "0000006800000000" // genesis timestamp
        + "00" + "ffff7f20" + "00000000" + rep("00", 20) + "0000000000000000" // PoW seal: initial bits, zero nonces, no payee

    static func params() throws -> ChainParams {
        try ChainParams(genesisJSON: GenesisJSON.pow.setting("timestamp", "1744830464").bytes)
    }

    @Test func parametersEncodeFieldByField() throws {
        expectCanonical(try Self.params(), hex: Self.paramsHex)
    }

    @Test func parametersIdIsSHA256OfTheirBytes() throws {
        #expect(try Self.params().id.hex == Self.paramsId)
    }

    @Test func genesisHeaderIsDerivedFromTheParameters() throws {
        let params = try Self.params()
        #expect(HexCoding.encode(params.genesisHeader.canonicalBytes) == Self.genesisHeaderHex)
        #expect(params.genesisBlock.transactions.isEmpty)
    }

    // Double SHA-256 of `genesisHeaderHex`, computed outside Swift.
    @Test func genesisIdIsTheKnownDigest() throws {
        #expect(try Self.params().genesisId.hex == "66dd8e14ecd2bfc4b2470c01e5c76ad416ea6be261c9d73e006c20ec45083fc0")
    }

    @Test func loadingTheSameFileTwiceGivesTheSameGenesisBytes() throws {
        let first = try ChainParams(genesisJSON: GenesisJSON.poa.bytes)
        let second = try ChainParams(genesisJSON: GenesisJSON.poa.bytes)
        #expect(first.genesisBlock.canonicalBytes == second.genesisBlock.canonicalBytes)
        #expect(first.genesisId == second.genesisId)
    }

    @Test func prefundOrderInTheFileDoesNotChangeTheGenesis() throws {
        let swapped = GenesisJSON.pow.setting("prefunded", #"{"\#(rep("01", 20))": 1000, "\#(rep("02", 20))": 16}"#)
        #expect(try ChainParams(genesisJSON: swapped.bytes).genesisId == ChainParams(genesisJSON: GenesisJSON.pow.bytes).genesisId)
    }

    @Test(arguments: [
        ("blockReward", "5000000001"), ("chainId", "8"), ("maxBlockBytes", "2097153"),
        ("fingerprint", #"{"duplicateDistance": 25, "similarityDistance": 64}"#),
        ("prefunded", #"{"\#(rep("01", 20))": 1000}"#),
    ])
    func everyParameterIsCommittedToByTheGenesisId(key: String, value: String) throws {
        let base = try ChainParams(genesisJSON: GenesisJSON.pow.bytes)
        let changed = try ChainParams(genesisJSON: GenesisJSON.pow.setting(key, value).bytes)
        #expect(changed.genesisId != base.genesisId)
    }

    @Test func poaGenesisIsSealedByTheFirstAuthority() throws {
        let header = try ChainParams(genesisJSON: GenesisJSON.poa.bytes).genesisHeader
        guard case let .proofOfAuthority(seal) = header.seal else { Issue.record("expected a PoA seal"); return }
        #expect(seal.authority == Fixture.key(0xa1))
        #expect(seal.signature.bytes == [UInt8](repeating: 0, count: 64))
    }

    @Test func parametersRoundTripForBothEngines() throws {
        for json in [GenesisJSON.pow, GenesisJSON.poa] {
            let params = try ChainParams(genesisJSON: json.bytes)
            #expect(try ChainParams(canonicalBytes: params.canonicalBytes) == params)
            expectTruncationAlwaysThrows(params.canonicalBytes, decode: ChainParams.self)
        }
    }

    @Test func decodedParametersAreValidatedAgain() {
        // Thresholds 64 then 24: well-formed bytes, invalid parameters.
        let hex = Self.paramsHex.replacing("18004000", with: "40001800")
        expectDecodeError(hexBytes(hex), as: ChainParams.self, .invalidValue(
            type: "ChainParams", reason: GenesisError.thresholdsOutOfOrder(duplicate: 64, similarity: 24).description))
    }

    @Test func decodedPrefundsMustBeSorted() {
        let first: String = rep("01", 20) + "e803000000000000"
        let second: String = rep("02", 20) + "1000000000000000"
        let hex = Self.paramsHex.replacing(first + second, with: second + first)
        expectDecodeError(hexBytes(hex), as: ChainParams.self,
                          .invalidValue(type: "ChainParams", reason: "prefunded accounts are not sorted by address"))
    }

    @Test(arguments: [
        (UInt32(0x1d00_ffff), true), (0x207f_ffff, true), (0x0300_0001, true), (0x2000_ffff, true),
        (0x1d80_ffff, false), (0x1d00_0000, false), (0x2101_0000, false), (0x2200_0001, true), (0x2300_0001, false),
        (0x0100_0001, false), (0x0101_0000, true), (0x0000_0001, false),
    ])
    func compactBitsMustEncodeAPositiveTargetUnder256Bits(bits: UInt32, valid: Bool) {
        #expect(CompactTarget.isValid(bits) == valid)
    }
}
