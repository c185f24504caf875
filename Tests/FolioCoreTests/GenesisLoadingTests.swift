import FolioCrypto
import Testing
@testable import FolioCore

/// Genesis JSON built from named fields, so each invalid case changes exactly one thing.
struct GenesisJSON {
    var fields: [(String, String)]

    static let authorityA = rep("a1", 32)
    static let authorityB = rep("b2", 32)

    static let pow = GenesisJSON(fields: [
        ("chainId", "7"), ("network", "\"test\""), ("timestamp", "1744830464"), ("engine", "\"pow\""),
        ("pow", #"{"targetSpacingSeconds": 60, "halfLifeSeconds": 3600, "initialBits": "207fffff"}"#),
        ("blockReward", "5000000000"),
        ("prefunded", #"{"\#(rep("02", 20))": 16, "\#(rep("01", 20))": 1000}"#),
        ("fingerprint", #"{"duplicateDistance": 24, "similarityDistance": 64}"#),
        ("modelId", "\"\(rep("77", 32))\""), ("maxBlockBytes", "2097152"), ("maxTransactionsPerBlock", "10000"),
    ])

    static let poa = pow
        .removing("pow")
        .setting("engine", "\"poa\"")
        .setting("poa", #"{"authorities": ["\#(authorityA)", "\#(authorityB)"], "periodSeconds": 5}"#)

    func setting(_ key: String, _ raw: String) -> GenesisJSON {
        var copy = self
        if let index = copy.fields.firstIndex(where: { $0.0 == key }) { copy.fields[index].1 = raw } else { copy.fields.append((key, raw)) }
        return copy
    }

    func removing(_ key: String) -> GenesisJSON { GenesisJSON(fields: fields.filter { $0.0 != key }) }

    var bytes: [UInt8] { Array(("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}").utf8) }
}

@Suite struct GenesisLoadingTests {
    @Test func aValidProofOfWorkFileLoadsEveryField() throws {
        let params = try ChainParams(genesisJSON: GenesisJSON.pow.bytes)
        #expect(params.chainId == 7)
        #expect(params.network == .test)
        #expect(params.genesisTimestamp == 1_744_830_464)
        #expect(params.consensus == .proofOfWork(ProofOfWorkParams(targetSpacingSeconds: 60, halfLifeSeconds: 3600, initialBits: 0x207f_ffff)))
        #expect(params.blockReward == Amount(baseUnits: 5_000_000_000))
        #expect(params.fingerprint == FingerprintThresholds(duplicateDistance: 24, similarityDistance: 64))
        #expect(params.modelId == Fixture.hash(0x77))
        #expect(params.maxBlockBytes == 2_097_152 && params.maxTransactionsPerBlock == 10_000)
    }

    @Test func prefundedAccountsAreSortedByAddress() throws {
        let params = try ChainParams(genesisJSON: GenesisJSON.pow.bytes)
        #expect(params.prefunded == [GenesisAllocation(address: Fixture.address(1), amount: Amount(baseUnits: 1000)),
                                     GenesisAllocation(address: Fixture.address(2), amount: Amount(baseUnits: 16))])
    }

    @Test func aValidProofOfAuthorityFileKeepsAuthorityOrder() throws {
        let params = try ChainParams(genesisJSON: GenesisJSON.poa.bytes)
        #expect(params.consensus == .proofOfAuthority(ProofOfAuthorityParams(
            authorities: [Fixture.key(0xa1), Fixture.key(0xb2)], periodSeconds: 5)))
    }

    @Test func prefundedAddressesMayBeNetworkBech32m() throws {
        let text = Fixture.address(3).bech32m(on: .test)
        let params = try ChainParams(genesisJSON: GenesisJSON.pow.setting("prefunded", "{\"\(text)\": 5}").bytes)
        #expect(params.prefunded == [GenesisAllocation(address: Fixture.address(3), amount: Amount(baseUnits: 5))])
    }

    @Test func writtenGenesisLoadsBackEqual() throws {
        for json in [GenesisJSON.pow, GenesisJSON.poa] {
            let params = try ChainParams(genesisJSON: json.bytes)
            #expect(try ChainParams(genesisJSON: params.genesisJSON()) == params)
        }
    }

    @Test(arguments: ["genesis-dev.json", "genesis-pow.json", "genesis-poa.json"])
    func theExampleTestnetFilesAreValid(name: String) throws {
        let repository = String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
        let params = try ChainParams.load(genesisFileAt: "/\(repository)/testnet/\(name)")
        #expect(params.network == .test)
        #expect(params.consensus.engineName == (name == "genesis-poa.json" ? "poa" : "pow"))
        // The thresholds measured for the shipped model (docs/fingerprint.md, "Thresholds").
        #expect(params.fingerprint == FingerprintThresholds(duplicateDistance: 12, similarityDistance: 59))
    }

    @Test func aMissingFileSaysItCannotBeRead() {
        #expect {
            try ChainParams.load(genesisFileAt: "/nonexistent/genesis.json")
        } throws: { error in
            guard case let .unreadable(path, _) = error as? GenesisError else { return false }
            return path == "/nonexistent/genesis.json"
        }
    }

    static let invalid: [(String, GenesisJSON, GenesisError)] = [
        ("unknown engine", GenesisJSON.pow.setting("engine", "\"pos\""), .unknownEngine("pos")),
        ("no pow section", GenesisJSON.pow.removing("pow"), .missingEngineSection(engine: "pow")),
        ("no poa section", GenesisJSON.poa.removing("poa"), .missingEngineSection(engine: "poa")),
        ("both sections", GenesisJSON.pow.setting("poa", #"{"authorities": [], "periodSeconds": 5}"#),
         .conflictingEngineSection(engine: "pow", section: "poa")),
        ("no authorities", GenesisJSON.poa.setting("poa", #"{"authorities": [], "periodSeconds": 5}"#), .missingAuthorities),
        ("bad authority hex", GenesisJSON.poa.setting("poa", #"{"authorities": ["\#(GenesisJSON.authorityA)", "zz"], "periodSeconds": 5}"#),
         .badHex(path: "poa.authorities[1]", digits: 64)),
        ("duplicate authority", GenesisJSON.poa.setting(
            "poa", #"{"authorities": ["\#(GenesisJSON.authorityA)", "\#(GenesisJSON.authorityA)"], "periodSeconds": 5}"#),
         .duplicateAuthority(path: "poa.authorities[1]")),
        ("zero period", GenesisJSON.poa.setting("poa", #"{"authorities": ["\#(GenesisJSON.authorityA)"], "periodSeconds": 0}"#),
         .outOfRange(path: "poa.periodSeconds", value: 0, range: "1...86400")),
        ("thresholds reversed", GenesisJSON.pow.setting("fingerprint", #"{"duplicateDistance": 64, "similarityDistance": 24}"#),
         .thresholdsOutOfOrder(duplicate: 64, similarity: 24)),
        ("thresholds equal", GenesisJSON.pow.setting("fingerprint", #"{"duplicateDistance": 24, "similarityDistance": 24}"#),
         .thresholdsOutOfOrder(duplicate: 24, similarity: 24)),
        ("threshold over 256 bits", GenesisJSON.pow.setting("fingerprint", #"{"duplicateDistance": 24, "similarityDistance": 300}"#),
         .outOfRange(path: "fingerprint.similarityDistance", value: 300, range: "0...256")),
        ("unknown network", GenesisJSON.pow.setting("network", "\"prod\""), .unknownNetwork("prod")),
        ("short model id", GenesisJSON.pow.setting("modelId", "\"abcd\""), .badHex(path: "modelId", digits: 64)),
        ("short bits", GenesisJSON.pow.setting("pow", #"{"targetSpacingSeconds": 60, "halfLifeSeconds": 3600, "initialBits": "207ffff"}"#),
         .badHex(path: "pow.initialBits", digits: 8)),
        ("negative bits", GenesisJSON.pow.setting("pow", #"{"targetSpacingSeconds": 60, "halfLifeSeconds": 3600, "initialBits": "1f80ffff"}"#),
         .invalidCompactBits(path: "pow.initialBits", bits: 0x1f80_ffff)),
        ("zero spacing", GenesisJSON.pow.setting("pow", #"{"targetSpacingSeconds": 0, "halfLifeSeconds": 3600, "initialBits": "207fffff"}"#),
         .outOfRange(path: "pow.targetSpacingSeconds", value: 0, range: "1...86400")),
        ("missing chain id", GenesisJSON.pow.removing("chainId"), .missingField(path: "chainId")),
        ("missing bits", GenesisJSON.pow.setting("pow", #"{"targetSpacingSeconds": 60, "halfLifeSeconds": 3600}"#),
         .missingField(path: "pow.initialBits")),
        ("chain id as text", GenesisJSON.pow.setting("chainId", "\"7\""), .wrongType(path: "chainId", expected: "a whole number")),
        ("misspelt field", GenesisJSON.poa.setting("poa", #"{"authorites": [], "periodSeconds": 5}"#),
         .unknownField(path: "poa.authorites")),
        ("extra top-level field", GenesisJSON.pow.setting("difficulty", "1"), .unknownField(path: "difficulty")),
        ("prefund overflow", GenesisJSON.pow.setting("prefunded", #"{"\#(rep("01", 20))": 18446744073709551615, "\#(rep("02", 20))": 1}"#),
         .prefundTotalOverflow),
        ("same address twice", GenesisJSON.pow.setting(
            "prefunded", #"{"\#(rep("ab", 20))": 1, "\#(rep("ab", 20).uppercased())": 1}"#),
         .badAddress(path: "prefunded", reason: "an address is listed twice")),
        ("too many transactions", GenesisJSON.pow.setting("maxTransactionsPerBlock", "10001"),
         .outOfRange(path: "maxTransactionsPerBlock", value: 10_001, range: "1...10000")),
        ("block over hard cap", GenesisJSON.pow.setting("maxBlockBytes", "4194305"),
         .outOfRange(path: "maxBlockBytes", value: 4_194_305, range: "1024...4194304")),
    ]

    @Test(arguments: 0..<invalid.count)
    func eachKindOfInvalidFileGivesItsOwnError(index: Int) {
        let (name, json, expected) = Self.invalid[index]
        #expect(throws: expected, "\(name)") { try ChainParams(genesisJSON: json.bytes) }
    }

    @Test func anAddressForAnotherNetworkIsRefusedWithItsPath() {
        let mainText = Fixture.address(3).bech32m(on: .main)
        #expect {
            try ChainParams(genesisJSON: GenesisJSON.pow.setting("prefunded", "{\"\(mainText)\": 5}").bytes)
        } throws: { error in
            guard case let .badAddress(path, _) = error as? GenesisError else { return false }
            return path == "prefunded.\(mainText)"
        }
    }

    @Test func textThatIsNotJSONIsMalformed() {
        #expect {
            try ChainParams(genesisJSON: Array("{\"chainId\": ".utf8))
        } throws: { error in
            guard case .malformedJSON = error as? GenesisError else { return false }
            return true
        }
    }

    @Test func aChainIdTooLargeForUInt32IsOutOfRange() {
        #expect(throws: GenesisError.outOfRange(path: "chainId", value: 4_294_967_296, range: "0...4294967295")) {
            try ChainParams(genesisJSON: GenesisJSON.pow.setting("chainId", "4294967296").bytes)
        }
    }
}
