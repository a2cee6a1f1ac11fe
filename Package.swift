// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6)
]

// The release `policylens` links the Swift runtime and Foundation statically: the dynamic
// loader then no longer binds ~24,000 symbols across a dozen Swift libraries at every start,
// which was a third of a `similar` query's time (bench/README.md). Debug builds and the tests
// stay dynamic.
let staticStandardLibrary: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
let staticStandardLibraryLinking: [LinkerSetting] = [
  .unsafeFlags(["-static-stdlib"], .when(configuration: .release))
]

let package = Package(
  name: "PolicyLens",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "policylens", targets: ["policylens"]),
    .library(
      name: "PolicyLens",
      targets: [
        "Ingest", "TextAnalysis", "Vectorization", "Reduction", "Clustering", "SimilaritySearch",
        "ThemeTagging", "Timelines", "Report", "LinearAlgebra", "ModelStore", "FileIntegrity",
        "PolicyLensKit",
      ]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    // For the server tests only: the in-process client (Tests/ServerTests/RouterClient.swift).
    .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
  ],
  targets: [
    // MARK: - Public modules

    .target(
      name: "Ingest",
      dependencies: ["FileIntegrity", "CDocumentLibraries", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: swiftSettings),
    .target(name: "TextAnalysis", dependencies: ["FileIntegrity"], swiftSettings: swiftSettings),
    .target(name: "Vectorization", dependencies: ["LinearAlgebra"], swiftSettings: swiftSettings),
    .target(name: "Reduction", dependencies: ["LinearAlgebra"], swiftSettings: swiftSettings),
    .target(name: "Clustering", dependencies: ["LinearAlgebra"], swiftSettings: swiftSettings),
    .target(name: "SimilaritySearch", dependencies: ["LinearAlgebra"], swiftSettings: swiftSettings),
    .target(name: "ThemeTagging", dependencies: ["LinearAlgebra"], swiftSettings: swiftSettings),
    .target(name: "Timelines", swiftSettings: swiftSettings),
    .target(name: "Report", swiftSettings: swiftSettings),
    .target(name: "LinearAlgebra", dependencies: ["CLAPACK"], swiftSettings: swiftSettings),
    .target(
      name: "ModelStore", dependencies: ["LinearAlgebra", "FileIntegrity"], swiftSettings: swiftSettings),
    .target(name: "FileIntegrity", swiftSettings: swiftSettings),
    .target(
      name: "PolicyLensKit",
      dependencies: [
        "Ingest", "TextAnalysis", "Vectorization", "Reduction", "Clustering", "SimilaritySearch",
        "ThemeTagging", "Timelines", "Report", "LinearAlgebra", "ModelStore", "FileIntegrity",
      ],
      swiftSettings: swiftSettings),
    .target(
      name: "Server",
      dependencies: [
        "PolicyLensKit", "Ingest", "TextAnalysis", "ThemeTagging", "Timelines", "Report", "ModelStore",
        "LinearAlgebra", "FileIntegrity",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "policylens",
      dependencies: [
        "PolicyLensKit", "Server", "Ingest", "TextAnalysis", "Vectorization", "Reduction", "Clustering",
        "ThemeTagging", "Timelines", "Report", "ModelStore", "FileIntegrity",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings + staticStandardLibrary, linkerSettings: staticStandardLibraryLinking),

    // MARK: - Implementation details

    // Declarations only: LinearAlgebra loads LAPACK when a routine is first called (LAPACKLibrary).
    .systemLibrary(name: "CLAPACK", providers: [.apt(["liblapack-dev", "libblas-dev"])]),
    // libxml2's HTML parser and OpenCC; only Ingest imports it.
    .systemLibrary(
      name: "CDocumentLibraries", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev", "libopencc-dev"])]),
    .executableTarget(
      name: "policylens-bench",
      dependencies: [
        "PolicyLensKit", "Ingest", "TextAnalysis", "Vectorization", "Reduction", "LinearAlgebra",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings),
    .target(
      name: "TestSupport",
      dependencies: ["LinearAlgebra", .product(name: "Numerics", package: "swift-numerics")],
      swiftSettings: swiftSettings),

    // MARK: - Tests

    .testTarget(
      name: "IngestTests", dependencies: ["Ingest", "FileIntegrity", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "TextAnalysisTests", dependencies: ["TextAnalysis", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "FileIntegrityTests", dependencies: ["FileIntegrity"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ModelStoreTests", dependencies: ["ModelStore", "FileIntegrity", "LinearAlgebra", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "VectorizationTests", dependencies: ["Vectorization", "LinearAlgebra", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "ReductionTests", dependencies: ["Reduction", "LinearAlgebra", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "ClusteringTests", dependencies: ["Clustering", "LinearAlgebra", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "SimilaritySearchTests", dependencies: ["SimilaritySearch", "LinearAlgebra", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ThemeTaggingTests", dependencies: ["ThemeTagging", "LinearAlgebra", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TimelinesTests", dependencies: ["Timelines", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ReportTests", dependencies: ["Report", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "PolicyLensKitTests",
      dependencies: [
        "PolicyLensKit", "Clustering", "Ingest", "TextAnalysis", "ThemeTagging", "SimilaritySearch", "LinearAlgebra",
        "ModelStore",
        "FileIntegrity", "TestSupport",
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ServerTests",
      dependencies: [
        "Server", "PolicyLensKit", "TestSupport",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "CLITests", dependencies: ["policylens", "PolicyLensKit", "TestSupport"],
      exclude: ["Golden"], swiftSettings: swiftSettings),
  ]
)
