// swift-tools-version: 6.0
import PackageDescription

/// Upcoming features on for every target (see STYLE.md).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ImmunoGraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ImmunoGraph", targets: ["ImmunoGraph"]),
        .library(name: "ImmunoSim", targets: ["ImmunoSim"]),
        .library(name: "ImmunoSimTesting", targets: ["ImmunoSimTesting"]),
        .executable(name: "immunosim", targets: ["immunosim"]),
        .executable(name: "AdaptiveResistance", targets: ["AdaptiveResistance"]),
        .executable(name: "AlphaTherapy", targets: ["AlphaTherapy"]),
        .executable(name: "IL12Triad", targets: ["IL12Triad"]),
        .executable(name: "IL21Combinations", targets: ["IL21Combinations"]),
    ],
    targets: [
        .target(name: "ImmunoGraph", exclude: ["Catalog/Models"], swiftSettings: swiftSettings),
        .target(name: "ImmunoSim", dependencies: ["ImmunoGraph"], swiftSettings: swiftSettings),
        .target(name: "ImmunoSimTesting", dependencies: ["ImmunoSim"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "immunosim", dependencies: ["ImmunoGraph", "ImmunoSim"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "AdaptiveResistance", dependencies: ["ImmunoGraph", "ImmunoSim"],
            path: "Examples/AdaptiveResistance", swiftSettings: swiftSettings),
        .executableTarget(
            name: "AlphaTherapy", dependencies: ["ImmunoGraph", "ImmunoSim"],
            path: "Examples/AlphaTherapy", swiftSettings: swiftSettings),
        .executableTarget(
            name: "IL12Triad", dependencies: ["ImmunoGraph", "ImmunoSim"],
            path: "Examples/IL12Triad", swiftSettings: swiftSettings),
        .executableTarget(
            name: "IL21Combinations", dependencies: ["ImmunoGraph", "ImmunoSim"],
            path: "Examples/IL21Combinations", swiftSettings: swiftSettings),
        .executableTarget(
            name: "Benchmarks", dependencies: ["ImmunoGraph", "ImmunoSim"], path: "Benchmarks",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ImmunoGraphTests", dependencies: ["ImmunoGraph"], exclude: ["Resources"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ImmunoSimTests", dependencies: ["ImmunoGraph", "ImmunoSim"], exclude: ["Fixtures"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ImmunoSimTestingTests", dependencies: ["ImmunoGraph", "ImmunoSim", "ImmunoSimTesting"],
            swiftSettings: swiftSettings),
        .testTarget(name: "ExampleTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "CLITests", dependencies: ["ImmunoGraph", "ImmunoSim"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
