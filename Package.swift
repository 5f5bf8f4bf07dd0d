// swift-tools-version: 6.1
import PackageDescription

/// Settings every Wharf module shares: strict imports so that a type only leaks into API on purpose.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Wharf",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wharf", targets: ["WharfCLI"]),
        .library(name: "KubeModel", targets: ["KubeModel"]),
        .library(name: "KubeDiff", targets: ["KubeDiff"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
    ],
    targets: [
        .target(
            name: "KubeModel",
            dependencies: [
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KubeDiff",
            dependencies: ["KubeModel"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "WharfCLI",
            dependencies: [
                "KubeModel",
                "KubeDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "KubeModelBenchmark",
            dependencies: ["KubeModel", "KubeDiff"],
            path: "Benchmarks/KubeModelBenchmark",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KubeModelTests",
            dependencies: [
                "KubeModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KubeDiffTests",
            dependencies: ["KubeDiff", "KubeModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WharfCLITests",
            dependencies: ["KubeModel"],
            swiftSettings: strictSettings
        ),
    ]
)
