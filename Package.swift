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
        .executable(name: "immunosim", targets: ["immunosim"]),
        .executable(name: "AdaptiveResistance", targets: ["AdaptiveResistance"]),
    ],
    targets: [
        .target(name: "ImmunoGraph", swiftSettings: swiftSettings),
        .target(name: "ImmunoSim", dependencies: ["ImmunoGraph"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "immunosim", dependencies: ["ImmunoGraph", "ImmunoSim"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "AdaptiveResistance", dependencies: ["ImmunoGraph", "ImmunoSim"],
            path: "Examples/AdaptiveResistance", swiftSettings: swiftSettings),
        .executableTarget(
            name: "Benchmarks", dependencies: ["ImmunoGraph", "ImmunoSim"], path: "Benchmarks",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ImmunoGraphTests", dependencies: ["ImmunoGraph"], exclude: ["Resources"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ImmunoSimTests", dependencies: ["ImmunoGraph", "ImmunoSim"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CLITests", dependencies: ["ImmunoGraph", "ImmunoSim"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
