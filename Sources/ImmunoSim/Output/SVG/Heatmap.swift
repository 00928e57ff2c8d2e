import Foundation

/// A grid of values (rows × columns) coloured by a diverging scale centred on 0 or a sequential
/// scale, with row and column labels, a colour bar, and optional values printed in the cells.
///
/// Use it for screens: pairs of perturbations × readouts, or perturbation A × perturbation B for
/// one readout. Missing cells — NaN, infinities, or rows shorter than the column count — are
/// drawn grey and hatched and listed as "no data" under the colour bar.
///
/// ```swift
/// let svg = Heatmap(title: "Δ tumour burden", rowLabels: ["anti-PD-1", "anti-TIM-3"],
///     columnLabels: ["alone", "+ anti-PD-L1"], values: [[-0.4, -0.6], [-0.1, -0.3]]).svg()
/// ```
public struct Heatmap: Sendable {
    /// How the cells are coloured.
    public enum Coloring: Sendable, Equatable {
        /// Blue–white–red centred on 0; the limit defaults to the largest |value|.
        case diverging(limit: Double? = nil)
        /// Viridis over a range; defaults to the data's range.
        case sequential(lower: Double? = nil, upper: Double? = nil)
    }

    /// The plot title, or `nil`.
    public var title: String?
    /// One label per row.
    public var rowLabels: [String]
    /// One label per column.
    public var columnLabels: [String]
    /// Values by row, then column.
    public var values: [[Double]]
    /// The colouring.
    public var coloring: Coloring
    /// The colour-bar title (e.g. "effect").
    public var valueLabel: String?
    /// Whether each cell shows its value (values shrink to fit and are dropped below 7 px).
    public var showValues: Bool
    /// Draw only the cells on and below the diagonal (a symmetric matrix such as pairs × pairs);
    /// cells above it are left empty rather than hatched as missing.
    public var lowerTriangle = false
    /// Decimals of printed values.
    public var valueDecimals: Int
    /// The side of a cell in pixels.
    public var cellSize: Double
    /// Fonts and colours.
    public var style: PlotStyle

    /// Creates a heatmap.
    public init(title: String? = nil, rowLabels: [String], columnLabels: [String], values: [[Double]],
        coloring: Coloring = .diverging(), valueLabel: String? = nil, showValues: Bool = true,
        valueDecimals: Int = 2, cellSize: Double = 44, style: PlotStyle = PlotStyle())
    {
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.coloring = coloring
        self.valueLabel = valueLabel
        self.showValues = showValues
        self.valueDecimals = valueDecimals
        self.cellSize = cellSize
        self.style = style
    }

    /// The value of a cell, NaN where missing.
    public func value(row: Int, column: Int) -> Double {
        guard row < values.count, column < values[row].count else { return .nan }
        return values[row][column]
    }

    /// The number of rows drawn (the longer of labels and values).
    var rowCount: Int { max(rowLabels.count, values.count) }
    /// The number of columns drawn.
    var columnCount: Int { max(columnLabels.count, values.map(\.count).max() ?? 0) }

    /// The colour scale resolved against the data.
    public var colorScale: ColorScale {
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        switch coloring {
        case .diverging(let limit):
            return .diverging(limit: limit ?? finite.map(abs).max() ?? 1)
        case .sequential(let lower, let upper):
            return .sequential(lower: lower ?? finite.min() ?? 0, upper: upper ?? finite.max() ?? 1)
        }
    }

    /// The plot as a standalone SVG document.
    /// - Complexity: O(rows × columns).
    public func svg() -> String { document().render() }

    /// The plot as an SVG document tree.
    public func document() -> SVGDocument {
        let scale = colorScale
        let rows = rowCount
        let columns = columnCount
        let pad = style.outerPadding
        let labelSize = style.tickLabelSize
        let rowLabelWidth = (0..<rows).map { TextMetrics.width(of: label(rowLabels, $0), fontSize: labelSize) }.max() ?? 0
        let columnWidths = (0..<columns).map { TextMetrics.width(of: label(columnLabels, $0), fontSize: labelSize) }
        let slant = sin(Double.pi / 4)
        // Column labels hang below the grid at 45°, so they reach left and down by width × sin 45°.
        var left = pad + rowLabelWidth + 10
        for (c, w) in columnWidths.enumerated() {
            let reach = w * slant + labelSize * 0.5 - (Double(c) + 0.5) * cellSize
            left = max(left, pad + reach)
        }
        let titleHeight = title == nil ? 0 : style.titleSize + 14
        let top = pad + titleHeight
        let grid = Box(x: left, y: top, width: Double(columns) * cellSize, height: Double(rows) * cellSize)

        var bar = ColorBar(scale: scale, title: valueLabel, style: style)
        bar.gradientID = "heatmap-scale"
        let hasMissing = (0..<rows).contains { r in
            (0..<columns).contains { c in !(lowerTriangle && c > r) && !value(row: r, column: c).isFinite }
        }
        let barX = grid.maxX + 20
        let barHeight = max(80, min(220, grid.height))
        let missingWidth = hasMissing ? 18 + TextMetrics.width(of: "no data", fontSize: labelSize) : 0
        let titleWidth = title.map { TextMetrics.width(of: $0, fontSize: style.titleSize, bold: true) } ?? 0
        let titleX = max(grid.midX, pad + titleWidth / 2)
        let width = max(barX + max(bar.width, missingWidth), titleX + titleWidth / 2) + pad
        let labelsDepth = (columnWidths.max() ?? 0) * slant + labelSize
        let barBottom = top + bar.titleHeight + barHeight + (hasMissing ? 30 : 0)
        let height = max(grid.maxY + 8 + labelsDepth, barBottom) + pad

        var document = SVGDocument(width: width, height: height, fontFamily: style.fontFamily)
        document.define(bar.gradient)
        if hasMissing { document.define(Self.hatchPattern) }

        // Printed values shrink to fit their cells, and are left out when they would be unreadable.
        var valueSize = style.annotationSize
        if showValues {
            var widest = 0.0
            for r in 0..<rows {
                for c in 0..<columns where value(row: r, column: c).isFinite {
                    let text = SVGNumber.fixed(value(row: r, column: c), decimals: valueDecimals)
                    widest = max(widest, TextMetrics.width(of: text, fontSize: valueSize))
                }
            }
            if widest > cellSize - 6 { valueSize *= (cellSize - 6) / widest }
        }
        let printValues = showValues && valueSize >= 7
        var cells: [SVGElement] = []
        var texts: [SVGElement] = []
        for r in 0..<rows {
            for c in 0..<columns where !(lowerTriangle && c > r) {
                let v = value(row: r, column: c)
                let box = Box(x: grid.x + Double(c) * cellSize, y: grid.y + Double(r) * cellSize,
                    width: cellSize, height: cellSize)
                var cell: SVGElement
                if let color = scale.color(for: v) {
                    cell = Draw.rect(box, fill: color.hex, stroke: .white, strokeWidth: 1)
                    if printValues {
                        let ink: RGBColor = color.luminance < 0.33 ? .white : style.textColor
                        texts.append(Draw.text(SVGNumber.fixed(v, decimals: valueDecimals), x: box.midX,
                            y: box.midY + valueSize * 0.35, size: valueSize, color: ink, anchor: "middle"))
                    }
                } else {
                    cell = Draw.rect(box, fill: "url(#hatch)", stroke: .white, strokeWidth: 1)
                }
                // Every cell carries its value (printed or not): a data attribute for scripts and a
                // tooltip naming the row, the column and the value.
                let shown = v.isFinite ? SVGNumber.fixed(v, decimals: max(valueDecimals, 4)) : "no data"
                cell.set("class", "cell")
                cell.set("data-value", v.isFinite ? shown : "none")
                cell.append(SVGElement("title", text: "\(label(rowLabels, r)) × \(label(columnLabels, c)): \(shown)"))
                cells.append(cell)
            }
        }
        document.append(Draw.group("cells", cells))
        document.append(Draw.group("values", texts))

        var labels: [SVGElement] = []
        for r in 0..<rows {
            labels.append(Draw.text(label(rowLabels, r), x: grid.x - 8,
                y: grid.y + (Double(r) + 0.5) * cellSize + labelSize * 0.35, size: labelSize, color: style.textColor,
                anchor: "end"))
        }
        for c in 0..<columns {
            let x = grid.x + (Double(c) + 0.5) * cellSize
            let y = grid.maxY + 8
            labels.append(Draw.text(label(columnLabels, c), x: x + labelSize * 0.3, y: y + labelSize * 0.3,
                size: labelSize, color: style.textColor, anchor: "end", rotation: -45))
        }
        document.append(Draw.group("labels", labels))
        document.append(bar.render(x: barX, y: top, height: barHeight))
        if hasMissing {
            let y = top + bar.titleHeight + barHeight + 14
            document.append(Draw.group("missing-key", [
                Draw.rect(Box(x: barX, y: y, width: 14, height: 14), fill: "url(#hatch)",
                    stroke: RGBColor(hex: 0x999999), strokeWidth: 0.5),
                Draw.text("no data", x: barX + 20, y: y + 7 + labelSize * 0.35, size: labelSize,
                    color: style.mutedTextColor),
            ]))
        }
        if let title {
            document.append(Draw.text(title, x: titleX, y: pad + style.titleSize, size: style.titleSize,
                color: style.textColor, anchor: "middle", bold: true))
        }
        return document
    }

    private func label(_ labels: [String], _ index: Int) -> String {
        index < labels.count ? labels[index] : ""
    }

    /// Light grey with diagonal grey strokes: the fill of missing cells.
    static let hatchPattern = SVGElement("pattern", [
        "id": "hatch", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse",
        "patternTransform": "rotate(45)",
    ], children: [
        SVGElement("rect", ["width": "6", "height": "6", "fill": "#e3e3e3"]),
        SVGElement("line", ["x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": "#aaaaaa", "stroke-width": "2"]),
    ])
}
