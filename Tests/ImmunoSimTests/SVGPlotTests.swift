import Foundation
import ImmunoSim
import Testing

@Suite struct SVGPlotTests {
    /// All elements of a tree with the given class token, in document order (iterative walk).
    static func elements(withClass token: String, in document: SVGDocument) -> [SVGElement] {
        var found: [SVGElement] = []
        var stack = Array(document.elements.reversed())
        while let element = stack.popLast() {
            let classes = element.attributes.first { $0.name == "class" }?.value.split(separator: " ") ?? []
            if classes.contains(Substring(token)) { found.append(element) }
            stack.append(contentsOf: element.children.reversed())
        }
        return found
    }

    static func attribute(_ name: String, of element: SVGElement) -> String? {
        element.attributes.first { $0.name == name }?.value
    }

    @Test func heatmapColoursZeroNeutralAndSignsOnTheirSides() throws {
        let heatmap = Heatmap(rowLabels: ["r"], columnLabels: ["zero", "up", "down", "missing"],
            values: [[0, 0.7, -0.7, .nan]])
        let cells = Self.elements(withClass: "cell", in: heatmap.document())
        try #require(cells.count == 4)
        let fills = cells.map { Self.attribute("fill", of: $0) ?? "" }
        #expect(fills[0] == heatmap.colorScale.neutral.hex)
        func channels(_ hex: String) -> (Int, Int) {
            let digits = Array(hex.dropFirst())
            let red = Int(String(digits[0..<2]), radix: 16) ?? -1
            let blue = Int(String(digits[4..<6]), radix: 16) ?? -1
            return (red, blue)
        }
        let up = channels(fills[1])
        let down = channels(fills[2])
        #expect(up.0 > up.1, "positive cell \(fills[1]) should be red")
        #expect(down.1 > down.0, "negative cell \(fills[2]) should be blue")
        #expect(fills[3] == "url(#hatch)")
        // The limit defaults to the largest magnitude, so ±0.7 are the scale's ends.
        #expect(fills[1] == ColorRamp.blueWhiteRed.anchors.last?.hex)
        #expect(fills[2] == ColorRamp.blueWhiteRed.anchors.first?.hex)
        let parsed = parseSVG(heatmap.svg())
        #expect(parsed.error == nil)
        #expect(parsed.texts.contains("0.70") && parsed.texts.contains("-0.70") && parsed.texts.contains("no data"))
    }

    @Test func timeCourseDrawsOneLinePerSeriesAndOneBandPerWindow() throws {
        let plot = TimeCoursePlot(title: "t", series: [
            Series(name: "a", values: [0, 0.5, 1]), Series(name: "b", values: [1, .nan, 0]),
            Series(name: "c", values: [0.2, 0.2, 0.2]),
        ], windows: [ShadedWindow(therapy: "anti-PD-1", start: 1), ShadedWindow(therapy: "anti-TIM-3", start: 0, stop: 1)])
        let document = plot.document()
        let lines = Self.elements(withClass: "series", in: document)
        #expect(lines.count == 3)
        // The NaN in series b splits its path into two sub-paths.
        #expect(Self.attribute("d", of: lines[1])?.filter { $0 == "M" }.count == 2)
        #expect(Self.elements(withClass: "window", in: document).count == 2)
        let parsed = parseSVG(plot.svg())
        #expect(parsed.error == nil)
        #expect(parsed.texts.contains("anti-PD-1 from step 1"))
        #expect(parsed.texts.contains("anti-TIM-3, steps 0–1"))
        for label in ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "a", "b", "c"] { #expect(parsed.texts.contains(label)) }
    }

    @Test func curvePlotSkipsPointsALogAxisCannotShow() {
        let plot = CurvePlot(curves: [Curve(name: "dose", x: [0, 0.1, 1, 10, -5], y: [1, 0.9, 0.5, 0.2, 0.1])],
            xScale: .logarithmic)
        let parsed = parseSVG(plot.svg())
        #expect(parsed.error == nil)
        #expect(parsed.classCounts["curve"] == 1)
        // Three drawable points, one marker each (circles for the first curve), plus the legend's.
        #expect(parsed.elementCounts["circle"] == 3 + 1)
        for label in ["0.1", "1", "10"] { #expect(parsed.texts.contains(label)) }
        let linear = parseSVG(CurvePlot(curves: [Curve(name: "s", x: [0, 10, 20], y: [1, 2, 3])]).svg())
        #expect(linear.elementCounts["circle"] == 3 + 1)
    }

    @Test func textWidthsFollowHelveticaMetrics() {
        // "Hi" = H (722) + i (222) units per 1000 em.
        #expect(abs(TextMetrics.width(of: "Hi", fontSize: 10) - 9.44) < 1e-9)
        #expect(TextMetrics.width(of: "", fontSize: 12) == 0)
        #expect(TextMetrics.width(of: "WWW", fontSize: 10) > TextMetrics.width(of: "iii", fontSize: 10))
    }

    @Test func windowsOutsideTheStepsAreNotDrawn() {
        let plot = TimeCoursePlot(series: [Series(name: "a", values: Array(repeating: 0.5, count: 10))], windows: [
            ShadedWindow(label: "late", start: 50), ShadedWindow(label: "empty", start: 3, stop: 2),
            ShadedWindow(label: "early", start: -20, stop: -5), ShadedWindow(label: "on", start: 2),
        ])
        let windows = Self.elements(withClass: "window", in: plot.document())
        #expect(windows.count == 1)
        let parsed = parseSVG(plot.svg())
        #expect(parsed.texts.contains("on"))
        for hidden in ["late", "empty", "early"] { #expect(!parsed.texts.contains(hidden)) }
    }

    @Test func heatmapValuesShrinkToFitOrAreDropped() {
        let values: [[Double]] = [[-0.123, 0.5], [0.25, -1]]
        func valueTexts(_ cellSize: Double) -> [SVGElement] {
            let document = Heatmap(rowLabels: ["a", "b"], columnLabels: ["c", "d"], values: values,
                cellSize: cellSize).document()
            return document.elements.first { $0.attributes.contains(SVGAttribute("class", "values")) }?.children ?? []
        }
        #expect(valueTexts(44).count == 4)
        let shrunk = valueTexts(26)
        #expect(shrunk.count == 4)
        let size = Double(shrunk.first.flatMap { Self.attribute("font-size", of: $0) } ?? "") ?? 99
        #expect(size < PlotStyle().annotationSize && size >= 7)
        #expect(valueTexts(12).isEmpty)
    }

    @Test func lowerTriangleHeatmapDrawsEachPairOnce() {
        let nan = Double.nan
        var heatmap = Heatmap(rowLabels: ["a", "b", "c"], columnLabels: ["a", "b", "c"],
            values: [[-0.1, nan, nan], [-0.2, -0.1, nan], [-0.3, nan, 0.05]])
        heatmap.lowerTriangle = true
        let svg = heatmap.svg()
        // 6 cells on and below the diagonal; the one pair not run (c + b) is hatched (plus the
        // legend's "no data" swatch), nothing above the diagonal.
        #expect(svg.components(separatedBy: "class=\"cell\"").count - 1 == 6)
        #expect(svg.components(separatedBy: "url(#hatch)").count - 1 == 2)
        heatmap.values[2][1] = -0.2
        #expect(!heatmap.svg().contains("url(#hatch)"))   // the blank upper triangle is not "no data"
        heatmap.lowerTriangle = false
        #expect(heatmap.svg().components(separatedBy: "class=\"cell\"").count - 1 == 9)
    }
}
