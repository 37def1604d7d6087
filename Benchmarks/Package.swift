// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that `swift build` and `swift test` of Sentinel do not build the
// benchmark harness. Run from this folder: `swift package benchmark` (client overhead, no network) and
// `./run-roundtrips.sh` (place+cancel against the simulator, side by side with ccxt).
let package = Package(
    name: "SentinelBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Sentinel", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ClientOverhead",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Sentinel", package: "Sentinel"),
            ],
            path: "Benchmarks/ClientOverhead",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RoundTrips",
            dependencies: [.product(name: "Sentinel", package: "Sentinel")],
            path: "Sources/RoundTrips"
        ),
    ]
)
