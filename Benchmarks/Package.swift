// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that `swift build` and `swift test` of Sentinel do not build them.
// One command runs every pair side by side and prints the table of ratios: `Benchmarks/run-all.py` (see README,
// "## Performance"). The pairs use this package's own harness (a malloc counter and a timing loop), which prints
// each side's raw figures for the ratios; the client's hot paths also run under ordo-one/benchmark (HotPaths), whose
// checked-in thresholds guard their allocation counts.
let package = Package(
    name: "SentinelBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Sentinel", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Counts malloc/calloc/realloc/aligned allocations of the process (Linux, glibc), for allocations per call.
        .target(name: "MallocCounter", path: "Sources/MallocCounter"),
        .target(name: "BenchSupport", dependencies: ["MallocCounter"], path: "Sources/BenchSupport"),
        // Recorded answers of each exchange served from memory, and clients that read them without pacing.
        .target(
            name: "CannedVenues",
            dependencies: [.product(name: "Sentinel", package: "Sentinel")],
            path: "Sources/CannedVenues"
        ),
        // Sentinel's own cost per order without a network, for each exchange, against recorded answers.
        .executableTarget(
            name: "ClientOverhead",
            dependencies: ["BenchSupport", "CannedVenues", .product(name: "Sentinel", package: "Sentinel")],
            path: "Sources/ClientOverhead"
        ),
        // Place + cancel round trips against the simulator.
        .executableTarget(
            name: "RoundTrips",
            dependencies: [.product(name: "Sentinel", package: "Sentinel")],
            path: "Sources/RoundTrips"
        ),
        // The floor of the simulator's load benchmark: Hummingbird answering a fixed JSON body.
        .executableTarget(
            name: "BareResponder",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Sources/BareResponder"
        ),
        // The order journal's cost per order (record + update) for both durabilities, empty and at 100k entries.
        .executableTarget(
            name: "JournalCost",
            dependencies: ["BenchSupport", .product(name: "Sentinel", package: "Sentinel")],
            path: "Sources/JournalCost"
        ),
        // The hot paths under ordo-one/benchmark, with allocation thresholds checked in (Thresholds/).
        .executableTarget(
            name: "HotPaths",
            dependencies: [
                "CannedVenues",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Sentinel", package: "Sentinel"),
            ],
            path: "Benchmarks/HotPaths",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
