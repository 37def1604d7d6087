// swift-tools-version:6.1
import PackageDescription

// Dependency direction (design.md §1):
//   sentinel CLI -> Doctor, Vault, Simulator -> Exchanges -> Net -> Core
// Core has no I/O and no third-party dependency. The simulator never imports Exchanges or Net.
let package = Package(
    name: "Sentinel",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Sentinel", targets: ["Sentinel"]),
        .library(name: "SentinelSimulator", targets: ["SentinelSimulator"]),
        .executable(name: "sentinel", targets: ["SentinelCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(name: "SentinelCore"),
        .target(name: "SentinelNet", dependencies: ["SentinelCore"]),
        .target(
            name: "SentinelExchanges",
            dependencies: [
                "SentinelCore",
                "SentinelNet",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "SentinelVault",
            dependencies: ["SentinelCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "SentinelDoctor", dependencies: ["SentinelCore", "SentinelExchanges"]),
        .target(name: "SentinelSimulator", dependencies: ["SentinelCore"]),
        .target(
            name: "Sentinel",
            dependencies: ["SentinelCore", "SentinelExchanges", "SentinelVault", "SentinelDoctor"]
        ),
        .executableTarget(
            name: "SentinelCLI",
            dependencies: [
                "Sentinel",
                "SentinelSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SentinelCoreTests",
            dependencies: ["SentinelCore", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SentinelExchangesTests",
            dependencies: [
                "SentinelExchanges",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "SentinelCLITests", dependencies: ["SentinelCLI"]),
    ]
)
