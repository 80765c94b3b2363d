// swift-tools-version:6.1
import PackageDescription

// One library module per pipeline stage; data flows one way:
// spec → ingest → link → diff → plan → emit, with state read before link and written after emit.
let package = Package(
    name: "offsync",
    // Linux (x86-64 and arm64) is what CI builds; macOS 15 (a Swift 6 runtime) is not tested.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "offsync", targets: ["offsync"]),
        .library(name: "OffsyncPipeline", targets: ["OffsyncPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C code, seen only by ingest and emit.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // What ingest needs from C that Swift lacks: prefetches, the CSV line scan (SSE2 on
        // x86-64, portable elsewhere) and the SIGBUS guard for mapped files.
        .target(name: "CIngestSupport"),
        // The commit `make dist` builds from, for `offsync --version` (header only).
        .systemLibrary(name: "CBuildInfo"),
        // Cache prefetches for loops that read records at random (header only).
        .systemLibrary(name: "CPrefetch"),

        .target(name: "OffsyncDiagnostics"),
        .target(name: "OffsyncSpec", dependencies: [
            "OffsyncDiagnostics",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The data every stage shares: datasets, records and their packed values, record ids.
        .target(name: "OffsyncModel", dependencies: ["OffsyncDiagnostics", "OffsyncSpec", "CPrefetch"]),
        .target(name: "OffsyncIngest", dependencies: [
            "OffsyncDiagnostics", "OffsyncSpec", "OffsyncModel", "CLibCSV", "CZlib", "CIngestSupport", "CPrefetch",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "OffsyncState", dependencies: [
            "OffsyncDiagnostics", "OffsyncModel",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C calls, for the loops that bind and read a million rows.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "OffsyncLink", dependencies: ["OffsyncDiagnostics", "OffsyncSpec", "OffsyncModel"]),
        .target(name: "OffsyncDiff", dependencies: ["OffsyncDiagnostics", "OffsyncSpec", "OffsyncModel", "OffsyncLink"]),
        .target(name: "OffsyncPlan", dependencies: ["OffsyncDiagnostics", "OffsyncSpec", "OffsyncModel", "OffsyncLink", "OffsyncDiff"]),
        .target(name: "OffsyncEmit", dependencies: [
            "OffsyncDiagnostics", "OffsyncSpec", "OffsyncModel", "OffsyncPlan", "CZlib",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The same decisions compiled for another engine (SQL and a runner): reads only the spec.
        .target(name: "OffsyncCompile", dependencies: ["OffsyncDiagnostics", "OffsyncSpec"]),
        .target(name: "OffsyncPipeline", dependencies: [
            "OffsyncDiagnostics", "OffsyncSpec", "OffsyncModel", "OffsyncIngest", "OffsyncState",
            "OffsyncLink", "OffsyncDiff", "OffsyncPlan", "OffsyncEmit", "OffsyncCompile",
        ]),
        .executableTarget(name: "offsync", dependencies: [
            "OffsyncPipeline", "OffsyncSpec", "OffsyncEmit", "OffsyncDiagnostics", "OffsyncModel", "OffsyncPlan", "OffsyncCompile", "CBuildInfo",
            // Only to install ingest's SIGBUS guard for mapped files at start.
            "OffsyncIngest",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // `make bench-ingest`: ingest throughput and peak memory on generated large exports.
        .executableTarget(name: "offsync-bench", dependencies: [
            "OffsyncSpec", "OffsyncIngest", "CLibCSV", "CZlib",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // `make fuzz`: the readers under libFuzzer. The entry points sit in a library of their
        // own, so the fuzzer and the corpus test share them and no production module needs them.
        .target(name: "OffsyncFuzzing", dependencies: ["OffsyncDiagnostics", "OffsyncSpec", "OffsyncModel", "OffsyncIngest", "OffsyncDiff", "OffsyncEmit"]),
        .executableTarget(name: "offsync-fuzz", dependencies: ["OffsyncFuzzing"]),

        // What several test targets share (deterministic numbers for generated inputs).
        .target(name: "OffsyncTestSupport", path: "Tests/OffsyncTestSupport"),
        .testTarget(name: "OffsyncModelTests", dependencies: ["OffsyncModel"]),
        .testTarget(name: "OffsyncStateTests", dependencies: ["OffsyncState", "OffsyncModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "OffsyncSpecTests", dependencies: ["OffsyncSpec", "OffsyncDiagnostics"]),
        .testTarget(
            name: "OffsyncIngestTests", dependencies: ["OffsyncIngest", "OffsyncModel", "CIngestSupport", "CLibCSV", "OffsyncTestSupport"],
            // Parquet files read by path (and the script that wrote them), not built.
            exclude: ["ParquetFiles"]),
        .testTarget(name: "OffsyncLinkTests", dependencies: ["OffsyncLink", "OffsyncModel", "OffsyncIngest", "OffsyncSpec", "OffsyncTestSupport"]),
        .testTarget(name: "OffsyncDiffTests", dependencies: ["OffsyncDiff", "OffsyncPlan", "OffsyncLink", "OffsyncModel", "OffsyncIngest", "OffsyncSpec", "OffsyncDiagnostics", "OffsyncTestSupport"]),
        .testTarget(name: "OffsyncEmitTests", dependencies: ["OffsyncEmit", "OffsyncPlan", "OffsyncModel", "OffsyncIngest", "OffsyncSpec", "OffsyncDiagnostics", "OffsyncTestSupport"]),
        .testTarget(name: "OffsyncFuzzingTests", dependencies: ["OffsyncFuzzing"]),
        .testTarget(
            name: "OffsyncCompileTests", dependencies: ["OffsyncCompile", "OffsyncPipeline", "OffsyncSpec", "OffsyncDiagnostics", "OffsyncState"],
            // The Spark functions' check, run by its test with the engines' Python.
            exclude: ["SparkPrelude"]),
        .testTarget(
            name: "OffsyncPipelineTests",
            dependencies: ["OffsyncPipeline", "OffsyncEmit", "OffsyncModel", "OffsyncIngest", "OffsyncPlan", "OffsyncDiagnostics", "OffsyncState"],
            // Fixtures read by path (the corpus of malformed exports), not built.
            exclude: ["MalformedCorpus"]),
    ]
)
