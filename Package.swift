// swift-tools-version: 6.1
// Folio: a peer-to-peer rights ledger. The target graph below follows
// docs (../shared/docs/ARCHITECTURE.md); scripts/check-deps.sh enforces it.
import PackageDescription

/// Library targets and the Folio targets each may import (the architecture's table).
let libraries: [(name: String, deps: [String])] = [
    ("FolioCrypto", ["COpenSSL"]),
    ("FolioCore", ["FolioCrypto"]),
    ("FolioLicence", ["FolioCore"]),
    ("FolioFingerprint", ["FolioCore", "CLibPNG", "CLibJPEG", "CSimilarityScan"]),
    ("FolioWire", ["FolioCore"]),
    ("FolioKeystore", ["FolioCrypto", "FolioCore"]),
    ("FolioConsensus", ["FolioCore"]),
    ("FolioPoW", ["FolioConsensus", "FolioCore", "FolioCrypto"]),
    ("FolioPoA", ["FolioConsensus", "FolioCore", "FolioCrypto"]),
    ("FolioStore", ["FolioCore"]),
    ("FolioChain", ["FolioConsensus", "FolioStore", "FolioLicence", "FolioFingerprint", "FolioCore"]),
    ("FolioMempool", ["FolioChain", "FolioCore"]),
    ("FolioPeer", ["FolioWire", "FolioCore"]),
    ("FolioNetwork", ["FolioPeer", "FolioWire"]),
    ("FolioAPI", ["FolioCore"]),
    ("FolioNode", [
        "FolioCrypto", "FolioCore", "FolioLicence", "FolioFingerprint", "FolioWire", "FolioKeystore",
        "FolioConsensus", "FolioPoW", "FolioPoA", "FolioStore", "FolioChain", "FolioMempool",
        "FolioPeer", "FolioNetwork", "FolioAPI",
    ]),
    ("FolioWallet", ["FolioAPI", "FolioKeystore", "FolioLicence", "FolioFingerprint", "FolioCore", "FolioCrypto"]),
]

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

/// Package products test targets use beyond their library.
let externalTestDependencies: [String: [Target.Dependency]] = [
    "FolioNodeTests": [.product(name: "HummingbirdTesting", package: "hummingbird")],
    "FolioNetworkTests": [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
    ],
]

/// Package products each library target uses (ADR 0001 says why each is here).
let externalDependencies: [String: [Target.Dependency]] = [
    "FolioStore": [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
    "FolioPeer": [
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "HeapModule", package: "swift-collections"),
    ],
    "FolioNetwork": [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
    ],
    "FolioNode": [
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
    ],
]
let propertyBased = Target.Dependency.product(name: "PropertyBased", package: "swift-property-based")

/// Test targets that ship vector files read at run time.
let testsWithResources: Set<String> = [
    "FolioCryptoTests", "FolioCoreTests", "FolioLicenceTests", "FolioFingerprintTests", "FolioPoWTests",
    "FolioKeystoreTests",
]

/// Library targets that ship resource folders (licence templates, fingerprint models).
let libraryResources: [String: String] = ["FolioLicence": "Templates", "FolioFingerprint": "Models"]

var targets: [Target] = [
    .systemLibrary(
        name: "COpenSSL",
        path: "Sources/COpenSSL",
        pkgConfig: "libcrypto",
        providers: [.apt(["libssl-dev"])]
    ),
    .systemLibrary(name: "CLibPNG", path: "Sources/CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(name: "CLibJPEG", path: "Sources/CLibJPEG", providers: [.apt(["libjpeg62-turbo-dev"])]),
    // The similarity index's bucket scan: C for prefetch and a run-time choice of POPCNT
    // (docs/fingerprint.md, "Similarity index").
    .target(name: "CSimilarityScan", path: "Sources/CSimilarityScan"),
    .executableTarget(name: "folio-train", dependencies: ["FolioFingerprint", argumentParser], path: "Sources/folio-train"),
    .target(
        name: "FolioTestSupport",
        // NIO for `HostilePeer`, the scripted peer on a real socket that network and node tests share.
        dependencies: libraries.map { .target(name: $0.name) }
            + [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")],
        path: "Sources/FolioTestSupport"
    ),
    .executableTarget(name: "foliod", dependencies: ["FolioNode", argumentParser], path: "Sources/foliod"),
    .executableTarget(name: "folio", dependencies: ["FolioWallet", argumentParser], path: "Sources/folio"),
    .executableTarget(name: "folio-testnet", dependencies: ["FolioNode", argumentParser], path: "Sources/folio-testnet"),
    // Chain store crash test (R1) and benchmarks (B5-B8); a development tool, never shipped.
    .executableTarget(
        name: "folio-store-tool",
        dependencies: ["FolioChain", "FolioStore", "FolioConsensus", "FolioFingerprint", "FolioPoA", "FolioNode", "FolioTestSupport",
                       .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log")],
        path: "Benchmarks/store/folio-store-tool"),
    // B17: the encrypted transport's bulk transfer (session, framing); a development tool, never shipped.
    .executableTarget(
        name: "folio-net-bench",
        dependencies: ["FolioNode", "FolioNetwork", "FolioPeer", "FolioWire", "FolioCore", "FolioCrypto",
                       .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio")],
        path: "Benchmarks/net/folio-net-bench"),
    .testTarget(
        name: "FolioIntegrationTests",
        dependencies: ["FolioTestSupport", "FolioNode", "FolioWallet"],
        path: "Tests/FolioIntegrationTests"
    ),
]

for library in libraries {
    targets.append(.target(
        name: library.name,
        dependencies: library.deps.map { .target(name: $0) } + (externalDependencies[library.name] ?? []),
        path: "Sources/\(library.name)",
        resources: libraryResources[library.name].map { [.copy($0)] }
    ))
    let testName = "\(library.name)Tests"
    targets.append(.testTarget(
        name: testName,
        dependencies: [.target(name: library.name), "FolioTestSupport", propertyBased] + (externalTestDependencies[testName] ?? []),
        path: "Tests/\(testName)",
        resources: testsWithResources.contains(testName) ? [.copy("Vectors")] : nil
    ))
}

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "foliod", targets: ["foliod"]),
        .executable(name: "folio", targets: ["folio"]),
        .executable(name: "folio-testnet", targets: ["folio-testnet"]),
    ] + libraries.map { .library(name: $0.name, targets: [$0.name]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
