// swift-tools-version:6.1
import PackageDescription

// Dependency direction (design.md §1):
//   sentinel CLI -> Doctor, Monitor, Vault, Simulator -> Exchanges -> Net -> Core
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
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(name: "SentinelCore"),
        .target(
            name: "SentinelNet",
            dependencies: [
                "SentinelCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SentinelExchanges",
            dependencies: [
                "SentinelCore",
                "SentinelNet",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "SentinelVault",
            dependencies: [
                "SentinelCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "SentinelDoctor", dependencies: ["SentinelCore", "SentinelNet", "SentinelExchanges"]),
        .target(name: "SentinelMonitor", dependencies: ["SentinelCore", "SentinelExchanges"]),
        .target(
            name: "SentinelSimulator",
            dependencies: [
                "SentinelCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Sentinel",
            dependencies: [
                "SentinelCore", "SentinelNet", "SentinelExchanges", "SentinelVault", "SentinelDoctor", "SentinelMonitor",
            ]
        ),
        .executableTarget(
            name: "SentinelCLI",
            dependencies: [
                "Sentinel",
                "SentinelSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
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
                "SentinelSimulator",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SentinelNetTests",
            dependencies: [
                "SentinelNet",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "SentinelDoctorTests", dependencies: ["SentinelDoctor"]),
        .testTarget(name: "SentinelMonitorTests", dependencies: ["SentinelMonitor", "SentinelExchanges", "SentinelSimulator"]),
        .testTarget(
            name: "SentinelSimulatorTests",
            dependencies: [
                "SentinelSimulator", "SentinelTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SentinelVaultTests",
            dependencies: ["SentinelVault", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "SentinelCLITests",
            dependencies: [
                "SentinelCLI", "SentinelVault", "SentinelSimulator", "SentinelTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "SentinelConsoleTests",
            dependencies: ["SentinelTestSupport", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        // Test helpers shared by test targets (not a product): the posix_spawn child-process runner and the
        // headless-Chromium driver over the Chrome DevTools Protocol.
        .target(
            name: "SentinelTestSupport",
            dependencies: [
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/SentinelTestSupport"
        ),
    ]
)
