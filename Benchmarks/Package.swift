// swift-tools-version: 6.1
// Folio benchmarks, kept apart from the tests: release builds only, run by scripts/bench.sh,
// which also builds and runs the C and `openssl speed` references in the same run.
import PackageDescription

let package = Package(
    name: "FolioBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Folio", path: "..")],
    targets: [
        .executableTarget(
            name: "folio-bench",
            dependencies: [.product(name: "FolioCrypto", package: "Folio")],
            path: "Sources/folio-bench"
        ),
        // Writes the 12-megapixel PNG and JPEG fingerprint-bench times (libpng, libjpeg-turbo).
        .target(
            name: "CBenchImages",
            path: "Sources/CBenchImages",
            linkerSettings: [.linkedLibrary("png"), .linkedLibrary("jpeg")]
        ),
        .executableTarget(
            name: "fingerprint-bench",
            dependencies: [
                "CBenchImages",
                .product(name: "FolioFingerprint", package: "Folio"),
                .product(name: "FolioCore", package: "Folio"),
            ],
            path: "Sources/fingerprint-bench"
        ),
        .executableTarget(
            name: "licence-bench",
            dependencies: [
                .product(name: "FolioChain", package: "Folio"),
                .product(name: "FolioLicence", package: "Folio"),
                .product(name: "FolioCore", package: "Folio"),
            ],
            path: "Sources/licence-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
