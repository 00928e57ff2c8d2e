import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

@Suite struct SVGDocumentTests {
    @Test func escapesTextAndAttributes() {
        #expect(SVGEscaping.text("a<b&c>\"d'") == "a&lt;b&amp;c&gt;\"d'")
        #expect(SVGEscaping.attribute("a<b&c>\"d'") == "a&lt;b&amp;c&gt;&quot;d&apos;")
        #expect(SVGEscaping.attribute("x\ny") == "x&#10;y")
        // Characters XML 1.0 forbids cannot reach the output.
        #expect(SVGEscaping.text("a\u{1}b") == "a b")
    }

    @Test func elementRendersAttributesInOrderAndEscaped() {
        let element = SVGElement("text", ["x": "1", "data-label": "<&\">"], text: "T-cell <activation> & \"more\"")
            .setting("y", 2.5)
        #expect(element.render()
            == "<text x=\"1\" data-label=\"&lt;&amp;&quot;&gt;\" y=\"2.5\">T-cell &lt;activation&gt; &amp; \"more\"</text>\n")
        var group = SVGElement("g")
        group.append(SVGElement("rect").setting("width", 3))
        #expect(group.render() == "<g>\n  <rect width=\"3\"/>\n</g>\n")
    }

    @Test func numbersPrintCompactlyWithFixedPrecision() {
        #expect(SVGNumber.format(12) == "12")
        #expect(SVGNumber.format(12.5) == "12.5")
        #expect(SVGNumber.format(0.254) == "0.25")
        #expect(SVGNumber.format(0.255, digits: 3) == "0.255")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(-3.999) == "-4")
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(1e7) == "10000000")
        #expect(SVGNumber.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(SVGNumber.fixed(0.5, decimals: 2) == "0.50")
        #expect(SVGNumber.fixed(-1.25, decimals: 1) == "-1.3")  // .rounded() is away from zero on ties
        #expect(SVGNumber.fixed(7, decimals: 0) == "7")
    }

    @Test func numbersRoundTripOnRandomValues() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let value = Double.random(in: -1e6...1e6, using: &rng) / Double(1 << Int.random(in: 0...20, using: &rng))
            let text = SVGNumber.format(value, digits: 3)
            let parsed: Double? = Double(text)
            #expect(abs((parsed ?? .nan) - value) <= 0.0005 + 1e-9, "\(value) printed as \(text)")
            #expect(!text.hasSuffix("0") || !text.contains("."), "trailing zero in \(text)")
            #expect(text != "-0")
        }
    }

    @Test func documentIsDeterministicAndWellFormed() throws {
        func make() throws -> String {
            let graph = try Catalog.flagship()
            return NetworkDiagram(graph: graph, title: "a & b").svg()
                + TimeCoursePlot(series: [Series(name: "x", values: [0, 0.5, 1])]).svg()
        }
        let first = try make()
        let second = try make()
        #expect(first == second)
        let heatmap = Heatmap(rowLabels: ["a", "b"], columnLabels: ["c"], values: [[1], [-1]])
        #expect(heatmap.svg() == heatmap.svg())
        let curves = CurvePlot(curves: [Curve(name: "c", x: [1, 2, 3], y: [3, 1, 2])], xScale: .logarithmic)
        #expect(curves.svg() == curves.svg())
    }

    @Test func labelsWithMarkupCharactersSurviveAnXMLRoundTrip() throws {
        let nasty = "IL-2 <high> & \"PD-1\" 'lo'"
        let figures = [
            TimeCoursePlot(title: nasty, series: [Series(name: nasty, values: [0.1, 0.2])],
                windows: [ShadedWindow(label: nasty, start: 0)], xLabel: nasty, yLabel: nasty).svg(),
            CurvePlot(title: nasty, curves: [Curve(name: nasty, x: [1, 2], y: [1, 2])], xLabel: nasty).svg(),
            Heatmap(title: nasty, rowLabels: [nasty], columnLabels: [nasty], values: [[0.3]], valueLabel: nasty).svg(),
        ]
        for svg in figures {
            let parsed = parseSVG(svg)
            #expect(parsed.error == nil)
            #expect(parsed.texts.contains(nasty))
            #expect(!svg.contains("<high>"))
        }
        var builder = GraphBuilder(name: "nasty")
        builder.add(Node("A", name: nasty, kind: .cell))
        builder.add(Node("B", name: "B", kind: .cytokine))
        builder.connect("A", .activates, "B")
        let graph = try builder.build()
        let parsed = parseSVG(NetworkDiagram(graph: graph, title: nasty).svg())
        #expect(parsed.error == nil)
        #expect(parsed.texts.contains(nasty))
    }

    @Test func degenerateInputsStillGiveWellFormedSVG() {
        let figures = [
            TimeCoursePlot(series: []).svg(),
            TimeCoursePlot(series: [Series(name: "nan", values: [.nan, .infinity, 0.5, .nan])], yRange: .automatic).svg(),
            TimeCoursePlot(series: [Series(name: "flat", values: [3, 3, 3])], windows: [
                ShadedWindow(label: "backwards", start: 5, stop: 1), ShadedWindow(label: "nan", start: .nan),
            ], yRange: .automatic).svg(),
            CurvePlot(curves: []).svg(),
            CurvePlot(curves: [Curve(name: "non-positive", x: [-1, 0, 1], y: [1, 2, 3])], xScale: .logarithmic).svg(),
            CurvePlot(curves: [Curve(name: "ragged", x: [1, 2, 3], y: [1])]).svg(),
            Heatmap(rowLabels: [], columnLabels: [], values: []).svg(),
            Heatmap(rowLabels: ["a", "b"], columnLabels: ["x", "y"], values: [[.nan], []]).svg(),
        ]
        for svg in figures {
            let parsed = parseSVG(svg)
            #expect(parsed.error == nil, "\(parsed.error ?? "")")
            #expect(!svg.contains("nan") || svg.contains("\"nan\"") || svg.contains(">nan<"))
            #expect(!svg.contains("inf\""))
        }
    }
}
