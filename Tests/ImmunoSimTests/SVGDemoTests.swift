import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Example figures, written to `$SVG_DEMO_DIR` (Scripts/render-svg-demo.sh sets it to ./out) or a
/// temporary directory; every one must parse as XML.
@Suite struct SVGDemo {
    static func demoFigures() throws -> [(name: String, svg: String)] {
        // A hand-made adaptive-resistance story: anti-PD-1 from step 20 releases CD8 T cells,
        // IFN-γ follows, PD-L1 rises and T cells fall back; anti-TIM-3 from step 45.
        let steps = 80
        func logistic(_ t: Double, _ mid: Double, _ k: Double) -> Double { 1 / (1 + exp(-(t - mid) / k)) }
        var cd8: [Double] = []
        var ifng: [Double] = []
        var pdl1: [Double] = []
        var tim3: [Double] = []
        var burden: [Double] = []
        for s in 0..<steps {
            let t = Double(s)
            let release = logistic(t, 26, 2.5) * (1 - 0.45 * logistic(t, 38, 3)) + 0.35 * logistic(t, 50, 2.5)
            cd8.append(0.12 + 0.75 * release)
            ifng.append(0.08 + 0.7 * max(0, release - 0.05))
            pdl1.append(0.2 + 0.6 * logistic(t, 32, 3))
            tim3.append(0.1 + 0.55 * logistic(t, 34, 3) * (1 - 0.8 * logistic(t, 48, 2)))
            burden.append(0.85 - 0.45 * release + 0.03 * sin(t / 3))
        }
        let timeCourse = TimeCoursePlot(title: "Adaptive resistance under PD-1 blockade",
            series: [Series(name: "CD8+ effector T cells", values: cd8), Series(name: "IFN-γ", values: ifng),
                Series(name: "PD-L1", values: pdl1), Series(name: "TIM-3", values: tim3),
                Series(name: "tumour burden", values: burden, dashed: true)],
            windows: [ShadedWindow(therapy: "anti-PD-1", start: 20), ShadedWindow(therapy: "anti-TIM-3", start: 45),
                ShadedWindow(therapy: "anti-PD-L1", start: 48, stop: 60)])

        let doses = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100]
        func hill(_ d: Double, _ ec50: Double, _ top: Double) -> Double { 0.9 - top * d / (d + ec50) }
        let doseResponse = CurvePlot(title: "Dose response (tumour burden at step 80)",
            curves: [Curve(name: "anti-PD-1", x: doses, y: doses.map { hill($0, 1.2, 0.45) }),
                Curve(name: "anti-PD-1 + anti-TIM-3", x: doses, y: doses.map { hill($0, 0.6, 0.7) }),
                Curve(name: "anti-PD-L1", x: doses, y: doses.map { hill($0, 3, 0.35) })],
            xLabel: "dose (relative units)", yLabel: "tumour burden", xScale: .logarithmic)

        let starts = Array(stride(from: 0.0, through: 60, by: 5))
        let schedule = CurvePlot(title: "Schedule: when to add anti-TIM-3",
            curves: [Curve(name: "with anti-PD-1 from step 0", x: starts, y: starts.map { 0.3 + 0.004 * $0 + 0.05 * sin($0 / 9) }),
                Curve(name: "with anti-PD-1 from step 20", x: starts, y: starts.map { 0.42 + 0.0025 * abs($0 - 25) })],
            xLabel: "anti-TIM-3 start step", yLabel: "final tumour burden")

        let therapies = ["anti-PD-1", "anti-PD-L1", "anti-TIM-3", "anti-CTLA-4", "IL-12", "STING agonist"]
        var pairValues: [[Double]] = []
        for i in therapies.indices {
            var row: [Double] = []
            for j in therapies.indices {
                if i == j { row.append(-0.1 * Double(i % 3 + 1)); continue }
                if (i, j) == (3, 5) || (i, j) == (5, 3) { row.append(.nan); continue }
                row.append(((Double((i * 7 + j * 13) % 17) / 17) - 0.65) * 0.8)
            }
            pairValues.append(row)
        }
        let pairHeatmap = Heatmap(title: "Pairwise screen: Δ tumour burden", rowLabels: therapies,
            columnLabels: therapies.map { "+ " + $0 }, values: pairValues, valueLabel: "Δ burden")

        let readouts = ["CD8+ T cells", "IFN-γ", "PD-L1", "TIM-3", "tumour burden"]
        let readoutHeatmap = Heatmap(title: "Readout levels at step 80", rowLabels: ["control"] + therapies,
            columnLabels: readouts,
            values: (0...therapies.count).map { i in readouts.indices.map { j in Double((i * 5 + j * 3) % 11) / 10 } },
            coloring: .sequential(lower: 0, upper: 1), valueLabel: "level", showValues: true, valueDecimals: 1)

        let graph = try Catalog.flagship()
        let network = NetworkDiagram(graph: graph, title: "Flagship model: PD-1 / TIM-3 adaptive resistance")
        let from = try #require(graph.index(of: "ANTI_PD1"))
        let to = try #require(graph.index(of: "TUMOR_BURDEN"))
        let paths = graph.signedPaths(from: from, to: to, maxLength: 8, limit: 4)
        let explanation = NetworkDiagram(graph: graph, explaining: Array(paths.prefix(1)),
            title: "Why anti-PD-1 lowers tumour burden")
        // Stress cases: many series with long names and negative values; a larger screen.
        let many = (0..<9).map { k in
            Series(name: "readout \(k + 1): " + String(repeating: "long ", count: k % 3) + "name",
                values: (0..<300).map { sin(Double($0) / Double(20 + 5 * k)) * Double(k + 1) * 40 })
        }
        let crowded = TimeCoursePlot(title: "Nine readouts, automatic y range", series: many,
            windows: [ShadedWindow(therapy: "anti-PD-1", start: 50, stop: 120),
                ShadedWindow(therapy: "anti-CTLA-4 (long label to force a second row)", start: 60),
                ShadedWindow(therapy: "IL-12", start: 280)],
            yRange: .automatic, yLabel: "change from baseline")
        let perturbations = ["PD1", "PDL1", "TIM3", "CTLA4", "LAG3", "IDO1", "TGFB", "IL10", "VEGF", "CXCL9",
            "STING", "IL12"].map { "knockout " + $0 }
        let largeScreen = Heatmap(title: "Knockout pairs × tumour burden", rowLabels: perturbations,
            columnLabels: perturbations,
            values: perturbations.indices.map { i in perturbations.indices.map { j in
                i == j ? .nan : sin(Double(i * 3 + j)) * 0.8 * (i < j ? 1 : -0.5) } },
            valueLabel: "Δ tumour burden", showValues: false, cellSize: 26)
        var extra: [(name: String, svg: String)] = [("stress-time-course", crowded.svg()), ("stress-heatmap", largeScreen.svg())]
        // Published Boolean models, when the shared material is next to the package.
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/models/bbm")
        for model in ["093-immune-checkpoint-inhibitors", "195-ctla4-pd1-checkpoint-inhibitors", "103-pancreatic-cancer-microenvironment", "098-macrophage-polarization-extended"] {
            let file = shared.appendingPathComponent(model).appendingPathComponent("model.bnet")
            guard var text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            text = Self.withInputsDeclared(text)
            guard let bbm = try? BnetFormat.read(text, name: model, file: file.path) else { continue }
            extra.append(("network-" + model, NetworkDiagram(graph: bbm, title: model, labels: .identifiers).svg()))
        }
        return extra + [
            ("time-course", timeCourse.svg()), ("dose-response", doseResponse.svg()), ("schedule", schedule.svg()),
            ("pair-heatmap", pairHeatmap.svg()), ("readout-heatmap", readoutHeatmap.svg()),
            ("network", network.svg()), ("network-explanation", explanation.svg()),
        ]
    }

    /// The bnet text with `X, X` added for every variable read but never defined (BBM files
    /// leave inputs implicit; the reader asks for them explicitly).
    static func withInputsDeclared(_ text: String) -> String {
        var defined = Set<String>()
        var used = [String]()
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, parts[0] != "targets" else { continue }
            defined.insert(parts[0].trimmingCharacters(in: .whitespaces))
            var word = ""
            for character in parts[1] + " " {
                if character.isLetter || character.isNumber || character == "_" {
                    word.append(character)
                } else {
                    if !word.isEmpty, !(word.first?.isNumber ?? true) { used.append(word) }
                    word = ""
                }
            }
        }
        var seen = Set<String>()
        var extra = ""
        for variable in used where !defined.contains(variable) && seen.insert(variable).inserted {
            extra += "\(variable), \(variable)\n"
        }
        return text + (text.hasSuffix("\n") ? "" : "\n") + extra
    }

    @Test func writesWellFormedExampleFigures() throws {
        let environment = ProcessInfo.processInfo.environment["SVG_DEMO_DIR"]
        let directory = environment.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("immunosim-svg-demo")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let figures = try Self.demoFigures()
        #expect(figures.count >= 7)
        for figure in figures {
            let parsed = parseSVG(figure.svg)
            #expect(parsed.error == nil, "\(figure.name): \(parsed.error ?? "")")
            #expect(parsed.elementCounts["svg"] == 1)
            try figure.svg.write(to: directory.appendingPathComponent(figure.name + ".svg"), atomically: true,
                encoding: .utf8)
        }
    }
}
