import Foundation
import Testing

/// Runs the example executables built alongside the tests and checks the key lines of their
/// accounts (directions and comparisons, not digits).
enum Examples {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built executable `name`, or `nil` when it was not built.
    static func executable(_ name: String) -> URL? {
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0])
        let candidates = [
            argument0.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `name` with `arguments` in `directory`; `nil` when the executable is missing.
    static func run(_ name: String, _ arguments: [String] = [], in directory: URL? = nil) throws -> (status: Int32, output: String)? {
        guard let url = executable(name) else { return nil }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite("Example executables")
struct ExampleTests {
    func output(_ name: String) throws -> String? {
        guard let result = try Examples.run(name) else {
            Issue.record("\(name) is not built; run `swift build` first")
            return nil
        }
        #expect(result.status == 0, "\(name) exited with \(result.status)")
        #expect(!result.output.contains("error:"))
        return result.output
    }

    @Test func adaptiveResistance() throws {
        guard let text = try output("AdaptiveResistance") else { return }
        #expect(text.contains("PDL1 goes up at step") && text.contains("after T-cell activation"))
        #expect(text.contains("TIM3 goes up at step"))
        #expect(text.contains("ANTI_PD1 + ANTI_TIM3 is better than ANTI_PD1 alone"))
        // The chains are the explainer's, confirmed by mediation: PD-L1 through IFN-γ, TIM-3 on CD8 T cells.
        #expect(text.contains("PDL1: ANTI_PD1 -| PD1 -| PI3K_AKT -> T_CELL_ACTIVATION -> IFNG -> PDL1  (necessary: PI3K_AKT, T_CELL_ACTIVATION, IFNG)"))
        #expect(text.contains("TIM3: ANTI_PD1 -| PD1 -| PI3K_AKT -> T_CELL_ACTIVATION") && text.contains("CD8_T -> TIM3  (necessary: PI3K_AKT, T_CELL_ACTIVATION"))
        #expect(text.contains("TIM-3 still expressed"))
        // The story in probabilities: PD-1 blockade raises the chance that TIM-3 and PD-L1 are on.
        #expect(text.contains("in probabilities (stochastic engine"))
        for node in ["TCELL", "PDL1", "TIM3"] {
            let line = text.split(separator: "\n").first { $0.contains("P(\(node) on)") }
            #expect(line?.hasSuffix(", up)") == true, "\(line ?? "no line for \(node)")")
        }
    }

    @Test func adaptiveResistanceArguments() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ar-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("out/AdaptiveResistance.svg").path
        guard let result = try Examples.run("AdaptiveResistance", ["--svg", path]) else { return }
        #expect(result.status == 0)
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("</svg>") && svg.contains(">TIM3<") && svg.contains("anti-PD-1 from step 60"))
        #expect(try Examples.run("AdaptiveResistance", ["--bogus"])?.status == 2)
    }

    @Test func alphaTherapy() throws {
        guard let text = try output("AlphaTherapy") else { return }
        #expect(text.contains("CD8 T cells rise"))
        #expect(text.contains("Chain: TAT -> "))
        #expect(text.contains("the burden falls with activity"))
        #expect(text.contains("(smaller than in WT)"))
        #expect(text.contains("only 500 kBq/kg moves the burden by more than 0.02: yes"))
        #expect(text.contains("together is better than later at step 40"))
        #expect(text.contains("Type I IFN rises, peaks at"))
        #expect(text.contains("TREX1 -| TYPE_I_IFN"))
    }

    @Test func il12Triad() throws {
        guard let text = try output("IL12Triad") else { return }
        for line in ["IFNG            rises", "MHC_I           rises", "CXCL9           rises", "CXCL10          rises",
                     "M1_MACROPHAGE   rises", "M2_MACROPHAGE   falls"] {
            #expect(text.contains(line), "\(line)")
        }
        #expect(text.contains("PDL1            rises from step") && text.contains("IDO1            rises from step"))
        #expect(!text.contains("not later than"))
        // The toxicity threshold (C025): circulating IFN-γ is toxic only near full exposure.
        #expect(text.contains("Low dose (0.3): toxicity unchanged") && text.contains("full dose: toxicity rises"))
        #expect(text.contains("Toxicity rises with dose") && !text.contains("Not reproduced (C025)"))
        #expect(text.contains("IL-12 + anti-PD-1 is better than either alone"))
        #expect(text.contains("IL-12 + anti-PD-L1 is better than either alone"))
    }

    @Test func il21Combinations() throws {
        guard let text = try output("IL21Combinations") else { return }
        #expect(text.contains("With IL-15 IL-21 leaves more NK cells"))
        #expect(text.contains("NK expansion by IL-21 needs IL-15 (C053)") && text.contains("does not expand them"))
        #expect(text.contains("Not reproduced (C054)"))
        #expect(text.contains("IL-21 + ANTI_PD1 is better than IL-21 alone"))
        #expect(text.contains("Not reproduced (C062, C063)"))
        #expect(text.contains("TIM3 rises") && text.contains("LAG3 rises"))
        #expect(text.contains("IL-21 + anti-PD-1 + ANTI_TIM3 ") && text.contains("better"))
    }

    @Test func svgOnlyWhenAsked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        guard try Examples.run("IL12Triad", in: directory) != nil else { return }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        let path = directory.appendingPathComponent("out/IL12Triad.svg").path
        guard let result = try Examples.run("IL12Triad", ["--svg", path], in: directory) else { return }
        #expect(result.status == 0)
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        #expect(svg.contains("</svg>"))
    }
}
