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
        .library(name: "GoTemplate", targets: ["GoTemplate"]),
        .library(name: "LocalCluster", targets: ["LocalCluster"]),
        .library(name: "KubeClient", targets: ["KubeClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0", traits: []),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
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
        .target(name: "CProcessSupport"),
        .target(
            name: "ProcessRunner",
            dependencies: ["CProcessSupport"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GoTemplate",
            dependencies: [
                "KubeModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Helm",
            dependencies: [
                "GoTemplate",
                "KubeModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LocalCluster",
            dependencies: [
                "KubeModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KubeClient",
            dependencies: [
                "KubeModel",
                "ProcessRunner",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "RepoServer",
            dependencies: [
                "KubeModel",
                "GoTemplate",
                "Helm",
                "ProcessRunner",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ClusterTestSupport",
            dependencies: [
                "KubeClient",
                "KubeModel",
                "LocalCluster",
                "ProcessRunner",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/ClusterTestSupport",
            swiftSettings: strictSettings
        ),
        .target(
            name: "KubeHealth",
            dependencies: ["KubeModel"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SyncEngine",
            dependencies: ["KubeModel", "KubeDiff", "KubeHealth", "KubeClient"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "AppController",
            dependencies: ["KubeModel", "KubeDiff", "KubeHealth", "KubeClient", "SyncEngine", "RepoServer", "Projects"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Projects",
            dependencies: ["KubeModel", "RBAC", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "RBAC",
            dependencies: ["KubeModel"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Webhooks",
            dependencies: ["KubeModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "APIServer",
            dependencies: [
                "KubeModel", "KubeClient", "KubeDiff", "KubeHealth", "RBAC", "Webhooks", "Projects", "RepoServer", "AppController",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("UI/Assets")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ApplicationSets",
            dependencies: ["KubeModel", "KubeClient", "GoTemplate", "RepoServer", "AppController"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Notifications",
            dependencies: [
                "KubeModel",
                "KubeClient",
                "GoTemplate",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
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
                "Helm",
                "GoTemplate",
                "KubeDiff",
                "LocalCluster",
                "RepoServer",
                "KubeClient",
                "AppController",
                "ApplicationSets",
                "Notifications",
                "Projects",
                "APIServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "HelmBenchmark",
            dependencies: ["Helm", "GoTemplate"],
            path: "Benchmarks/HelmBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "RepoServerBenchmark",
            dependencies: ["RepoServer", "ProcessRunner"],
            path: "Benchmarks/RepoServerBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "KubeModelBenchmark",
            dependencies: ["KubeModel", "KubeDiff"],
            path: "Benchmarks/KubeModelBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "LocalClusterBenchmark",
            dependencies: [
                "LocalCluster",
                "KubeModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Benchmarks/LocalClusterBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "AppControllerBenchmark",
            dependencies: ["AppController", "KubeClient", "KubeModel", "LocalCluster", "ProcessRunner", "RepoServer"],
            path: "Benchmarks/AppControllerBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ApplicationSetBenchmark",
            dependencies: ["AppController", "ApplicationSets", "ClusterTestSupport", "KubeClient", "KubeModel", "ProcessRunner", "RepoServer"],
            path: "Benchmarks/ApplicationSetBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "APIServerBenchmark",
            dependencies: [
                "APIServer", "AppController", "ClusterTestSupport", "KubeClient", "KubeModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/APIServerBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "KubeClientBenchmark",
            dependencies: ["KubeClient", "KubeModel", "LocalCluster"],
            path: "Benchmarks/KubeClientBenchmark",
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
            name: "HelmTests",
            dependencies: ["Helm", "GoTemplate", "KubeModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTemplateTests",
            dependencies: ["GoTemplate"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KubeDiffTests",
            dependencies: ["KubeDiff", "KubeModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LocalClusterTests",
            dependencies: ["LocalCluster", "KubeModel", "ProcessRunner"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KubeClientTests",
            dependencies: ["KubeClient", "LocalCluster", "KubeModel", "ClusterTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KubeHealthTests",
            dependencies: ["KubeHealth", "KubeModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyncEngineTests",
            dependencies: ["SyncEngine", "KubeModel", "KubeHealth", "KubeClient", "LocalCluster", "ClusterTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AppControllerTests",
            dependencies: [
                "AppController", "SyncEngine", "RepoServer", "KubeModel", "KubeClient", "LocalCluster", "ProcessRunner", "ClusterTestSupport", "Projects",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProcessRunnerTests",
            dependencies: ["ProcessRunner"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RepoServerTests",
            dependencies: ["RepoServer", "KubeModel", "ProcessRunner", "ClusterTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProjectsTests",
            dependencies: ["Projects", "KubeModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RBACTests",
            dependencies: ["RBAC", "KubeModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WebhooksTests",
            dependencies: ["Webhooks", "KubeModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "APIServerTests",
            dependencies: [
                "APIServer", "AppController", "KubeModel", "KubeClient", "LocalCluster", "ClusterTestSupport", "Projects", "RBAC", "ProcessRunner",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ApplicationSetsTests",
            dependencies: ["ApplicationSets", "AppController", "KubeModel", "KubeClient", "RepoServer", "LocalCluster", "ClusterTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NotificationsTests",
            dependencies: [
                "Notifications", "AppController", "KubeModel", "KubeClient", "LocalCluster", "ClusterTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WharfCLITests",
            dependencies: ["KubeModel", "KubeClient", "ClusterTestSupport", "Projects", "ProcessRunner", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
    ]
)
