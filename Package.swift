// swift-tools-version: 6.1
// Layers point one way: MTFSDomain (pure; SHA-256 from libcrypto) ← MTFSStore (SQLite) ← MTFSEngine (packs, reports as data) ← MTFSRender (reports to bytes; never the store) ← MTFSWeb (the portal) ← mtfs (CLI).
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
        // The web portal (SPEC §10): Hummingbird 2 over SwiftNIO. The largest dependency by far: a
        // first debug build of it and its packages takes about 4 minutes on 2 cores.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        // Header names for the portal's own headers (X-CSRF-Token); already built for Hummingbird.
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        // The server's log (errors only); already built for Hummingbird.
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // multipart/form-data bodies (return uploads) split by Vapor's parser, not index arithmetic of
        // ours. Its dependencies (swift-nio, swift-collections) are already built for Hummingbird: the
        // package itself adds about 15 s to a clean debug build on 2 cores.
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        // The reminders' daily job runs beside the portal as a Service (SPEC §11); already built for
        // Hummingbird, so no build cost.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
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
        // Passwords hashed with Argon2id (SPEC §10): libargon2 from Debian; no build cost.
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        // Mail to the council's relay (SPEC §11): libcurl's SMTP from Debian (libcurl4-openssl-dev);
        // no build cost.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "MTFSDomain", dependencies: ["CCrypto"]),
        .target(name: "MTFSStore", dependencies: ["CSQLite", "MTFSDomain"]),
        .target(name: "MTFSEngine", dependencies: ["MTFSDomain", "MTFSStore", "CZlib"]),
        .target(name: "MTFSRender", dependencies: ["MTFSDomain", "MTFSEngine", "CXLSXWriter"]),
        // Reminders by email: who is due one, the messages, the relay, the record of each try.
        .target(name: "MTFSMail", dependencies: ["MTFSDomain", "MTFSStore", "MTFSEngine", "MTFSRender", "CCurl"]),
        // The portal: users, sessions and pages over the ledger service; the only module with a server.
        .target(
            name: "MTFSWeb",
            dependencies: [
                "MTFSDomain", "MTFSStore", "MTFSEngine", "MTFSRender", "CArgon2",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]),
        .executableTarget(
            name: "mtfs",
            dependencies: [
                "MTFSDomain", "MTFSStore", "MTFSEngine", "MTFSRender", "MTFSWeb", "MTFSMail",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MTFSTests",
            dependencies: [
                "MTFSDomain", "MTFSStore", "MTFSEngine", "MTFSRender", "MTFSWeb", "MTFSMail", "mtfs",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden", "Fixtures", "Browser"]  // read by path from the tests, not bundled
        ),
    ]
)
