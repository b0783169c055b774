// swift-tools-version: 6.1
// Layers point one way: MTFSDomain (pure; SHA-256 from libcrypto) ← MTFSStore (SQLite) ← MTFSEngine (packs, reports as data) ← MTFSRender (reports to bytes; never the store) ← mtfs (CLI).
import PackageDescription

let package = Package(
    name: "mtfs",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mtfs", targets: ["mtfs"])
    ],
    dependencies: [
        // Clean-build cost on 2 cores: ~10 s debug. The CLI's subcommands, help and validation.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Tests only; no dependencies of its own, ~5 s debug. Property tests of the ledger invariants.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // SHA-256 for the hash chains: the system's libcrypto (libssl-dev), using the CPU's SHA
        // instructions; no build cost.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Inflating the parts of an .xlsx return (raw deflate): the system's zlib; no build cost.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Writing .xlsx (SPEC §9): libxlsxwriter from Debian; no build cost, ~1 MiB linked.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "MTFSDomain", dependencies: ["CCrypto"]),
        .target(name: "MTFSStore", dependencies: ["CSQLite", "MTFSDomain"]),
        .target(name: "MTFSEngine", dependencies: ["MTFSDomain", "MTFSStore", "CZlib"]),
        .target(name: "MTFSRender", dependencies: ["MTFSDomain", "MTFSEngine", "CXLSXWriter"]),
        .executableTarget(
            name: "mtfs",
            dependencies: [
                "MTFSDomain", "MTFSStore", "MTFSEngine", "MTFSRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MTFSTests",
            dependencies: [
                "MTFSDomain", "MTFSStore", "MTFSEngine", "MTFSRender", "mtfs",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden", "Fixtures"]  // read by path from the tests, not bundled
        ),
    ]
)
