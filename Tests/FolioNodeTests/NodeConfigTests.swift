import FolioTestSupport
import Foundation
import Testing
@testable import FolioNode

@Suite struct NodeConfigTests {
    @Test func aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws {
        let directory = try TemporaryDirectory(prefix: "folio-config")
        defer { directory.remove() }
        let dir = directory.path
        try "rpc-port = 1111\np2p-port = 2222\nlog-level = \"debug\"\n"
            .write(toFile: NodeConfig.filePath(dataDirectory: dir), atomically: true, encoding: .utf8)
        let config = try NodeConfig.resolve(
            arguments: ["--datadir", dir, "--rpc-port=3333"],
            environment: ["FOLIO_RPC_PORT": "4444", "FOLIO_P2P_PORT": "5555"], homeDirectory: "/home/x")
        #expect(config.rpcPort == 3333)       // flag over env and file
        #expect(config.p2pPort == 5555)       // env over file
        #expect(config.logLevel == "debug")   // file over default
        #expect(config.logFormat == "text")   // default
        #expect(config.rendered().contains("rpc-port = 3333  # flag"))
        #expect(config.rendered().contains("p2p-port = 5555  # environment"))
        #expect(config.rendered().contains("log-level = \"debug\"  # file"))
    }

    @Test func theDefaultDataDirectoryIsUnderHomeByNetwork() throws {
        #expect(NodeConfig.defaultDataDirectory(network: "dev", home: "/home/x") == "/home/x/.folio/dev")
        #expect(NodeConfig.defaultDataDirectory(network: "/n/alpha.json", home: "/h") == "/h/.folio/alpha")
    }

    @Test func anUnknownFlagNamesTheNearestSetting() {
        #expect(throws: ConfigError.unknownKey(source: "the command line", key: "--rpc-prot", nearest: "--rpc-port")) {
            try ConfigSources.flags(["--rpc-prot", "1"])
        }
    }

    @Test func anUnknownFileKeyNamesTheNearestSetting() {
        #expect(throws: ConfigError.unknownKey(source: "f.toml", key: "log-levl", nearest: "log-level")) {
            try ConfigFile.parse("log-levl = \"info\"", path: "f.toml")
        }
    }

    @Test func aMisspeltEnvironmentVariableIsAnErrorButOtherToolsVariablesAreNot() throws {
        #expect(throws: ConfigError.unknownKey(source: "the environment", key: "FOLIO_RPC_PROT", nearest: "FOLIO_RPC_PORT")) {
            try ConfigSources.environment(["FOLIO_RPC_PROT": "1"])
        }
        #expect(try ConfigSources.environment(["FOLIO_WALLET_DIR": "/w"]).isEmpty)
    }

    @Test func theFileMayNotSetTheDataDirectory() {
        #expect(throws: ConfigError.notAllowedInFile(path: "f.toml", key: "datadir")) {
            try ConfigFile.parse("datadir = \"/x\"", path: "f.toml")
        }
    }

    @Test func theWrittenTemplateSetsNothingUntilALineIsUncommented() throws {
        #expect(try ConfigFile.parse(ConfigFile.template, path: "t.toml").isEmpty)
        for key in ConfigKey.all where key.allowedInFile { #expect(ConfigFile.template.contains("# \(key.name) = ")) }
    }

    @Test func turningAuthOffOnANonLoopbackAddressIsRefused() {
        #expect(throws: ConfigError.self) {
            try NodeConfig.resolve(
                arguments: ["--datadir", "/tmp/x", "--rpc-host", "0.0.0.0", "--rpc-auth", "false"],
                environment: [:], homeDirectory: "/h")
        }
    }

    @Test func turningAuthOffOnLoopbackIsAllowed() throws {
        let config = try NodeConfig.resolve(
            arguments: ["--datadir", "/tmp/folio-nonexistent-\(UUID().uuidString)", "--rpc-auth=false"],
            environment: [:], homeDirectory: "/h")
        #expect(config.rpcAuth == false)
    }

    @Test(arguments: [["--rpc-port", "70000"], ["--log-format", "xml"], ["--rpc-max-body-bytes", "10"], ["--rpc-auth", "maybe"]])
    func anOutOfRangeValueIsRefused(arguments: [String]) {
        #expect(throws: ConfigError.self) {
            try NodeConfig.resolve(arguments: ["--datadir", "/tmp/x"] + arguments, environment: [:], homeDirectory: "/h")
        }
    }

    @Test func aFlagWithoutAValueSaysHowToGiveOne() {
        #expect(throws: ConfigError.missingValue(flag: "--rpc-port")) { try ConfigSources.flags(["--rpc-port"]) }
    }

    @Test func editDistanceCountsSingleCharacterEdits() {
        #expect(NearestName.distance("rpc-prot", "rpc-port") == 2)
        #expect(NearestName.distance("", "abc") == 3)
        #expect(NearestName.distance("network", "network") == 0)
    }
}
