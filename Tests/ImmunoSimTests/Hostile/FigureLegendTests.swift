import Foundation
import ImmunoSim
import Testing

/// Figures that hide nothing: one legend entry per colour, and a note when a line is drawn
/// exactly under another.
@Suite("Figures: legends")
struct FigureLegendTests {
    /// The labels of the legend's entries, in order.
    private func legendLabels(_ svg: String) throws -> [String] {
        let start = try #require(svg.range(of: "class=\"legend\""))
        let body = svg[start.upperBound...]
        let end = body.range(of: "</g>")?.lowerBound ?? body.endIndex
        return body[..<end].components(separatedBy: "<text").dropFirst().compactMap { part in
            guard let open = part.firstIndex(of: ">"), let close = part.range(of: "</text>") else { return nil }
            return String(part[part.index(after: open)..<close.lowerBound])
        }
    }

    @Test("treated and baseline series of one readout share one legend entry; one entry explains the dash")
    func baselinesShareEntries() throws {
        var series: [Series] = []
        for k in 0..<8 {
            let color = CategoricalPalette.color(k)
            series.append(Series(name: "N\(k)", values: [0, Double(k) / 10, 0.5], color: color))
            series.append(Series(name: "N\(k) baseline", values: [0, 0.05, 0.1], color: color, dashed: true))
        }
        let labels = try legendLabels(TimeCoursePlot(title: "t", series: series).svg())
        #expect(labels == (0..<8).map { "N\($0)" } + ["dashed: baseline"], "\(labels)")
    }

    @Test("a series drawn exactly under a later one is labelled as hidden")
    func hiddenSeriesAreNamed() throws {
        let series = [
            Series(name: "PD1", values: [0, 0.2, 0.4]), Series(name: "TIM3", values: [0, 0.2, 0.4]),
            Series(name: "IFNG", values: [0.1, 0.3, 0.2]),
        ]
        let labels = try legendLabels(TimeCoursePlot(title: "t", series: series).svg())
        #expect(labels == ["PD1 (hidden under TIM3)", "TIM3", "IFNG"], "\(labels)")
    }
}
