/// One named line of values, one value per step (NaN leaves a gap).
public struct Series: Sendable, Equatable {
    /// The legend label.
    public var name: String
    /// The values; index `i` is drawn at step `i` (offset by the plot's `firstStep`).
    public var values: [Double]
    /// The line colour, or `nil` for the next palette colour.
    public var color: RGBColor?
    /// Whether the line is dashed.
    public var dashed: Bool

    /// Creates a series.
    public init(name: String, values: [Double], color: RGBColor? = nil, dashed: Bool = false) {
        self.name = name
        self.values = values
        self.color = color
        self.dashed = dashed
    }
}

/// A step interval drawn as a translucent band with a label, e.g. when a therapy is on.
public struct ShadedWindow: Sendable, Equatable {
    /// The label shown above the band.
    public var label: String
    /// The first step of the window.
    public var start: Double
    /// The step where the window ends, or `nil` for "until the end".
    public var stop: Double?

    /// Creates a window with an explicit label.
    public init(label: String, start: Double, stop: Double? = nil) {
        self.label = label
        self.start = start
        self.stop = stop
    }

    /// A therapy window labelled "anti-PD-1 from step 10" or "anti-PD-1, steps 10–20".
    public init(therapy: String, start: Int, stop: Int? = nil) {
        let label = stop.map { "\(therapy), steps \(start)–\($0)" } ?? "\(therapy) from step \(start)"
        self.init(label: label, start: Double(start), stop: stop.map(Double.init))
    }
}

/// Readouts over simulation steps: one line per series, shaded therapy windows, axes and a legend.
///
/// ```swift
/// let svg = TimeCoursePlot(title: "Adaptive resistance",
///     series: [Series(name: "CD8 T", values: cd8), Series(name: "PD-L1", values: pdl1)],
///     windows: [ShadedWindow(therapy: "anti-PD-1", start: 10)]).svg()
/// ```
/// Windows' labels sit above the plot area, stacked in rows when they would collide, so they never
/// cover the data; windows entirely outside the steps, empty or with non-finite bounds are not drawn. Lines are clipped to the plot area when a fixed y range cuts them.
public struct TimeCoursePlot: Sendable {
    /// The plot title, or `nil`.
    public var title: String?
    /// The lines.
    public var series: [Series]
    /// The shaded windows.
    public var windows: [ShadedWindow]
    /// The y range; the default is the fraction-of-maximum scale 0…1.
    public var yRange: AxisRange
    /// The x-axis title.
    public var xLabel: String?
    /// The y-axis title.
    public var yLabel: String?
    /// The step number of each series' first value.
    public var firstStep: Double
    /// The canvas size in pixels.
    public var width: Double
    /// The canvas height in pixels.
    public var height: Double
    /// Fonts and colours.
    public var style: PlotStyle

    /// Creates a time-course plot.
    public init(title: String? = nil, series: [Series], windows: [ShadedWindow] = [],
        yRange: AxisRange = .fixed(0, 1), xLabel: String? = "step", yLabel: String? = "level (fraction of max)",
        firstStep: Double = 0, width: Double = 760, height: Double = 440, style: PlotStyle = PlotStyle())
    {
        self.title = title
        self.series = series
        self.windows = windows
        self.yRange = yRange
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.firstStep = firstStep
        self.width = width
        self.height = height
        self.style = style
    }

    /// Whether series `i` is dashed: on request, or when the palette has wrapped around and its
    /// colour repeats an earlier series' colour.
    func dashed(_ i: Int) -> Bool {
        series[i].dashed != (series[i].color == nil && i >= CategoricalPalette.okabeIto.count)
    }

    /// The plot as a standalone SVG document.
    /// - Complexity: O(total number of values + windows²).
    public func svg() -> String { document().render() }

    /// One legend entry per colour: a dashed series named `"X SUFFIX"` with the colour of a solid
    /// series `X` (a treated run and its baseline) is not listed again; one grey entry per such
    /// suffix explains the dash instead — 8 readouts with baselines give 9 entries, not 16. A series
    /// identical to a later one (drawn exactly under it) says so: `"PD1 (hidden under TIM3)"`.
    func legendEntries() -> [Legend.Entry] {
        var entries: [Legend.Entry] = []
        var suffixes: [String] = []
        let solid = series.enumerated().filter { !dashed($0.offset) }
        for (i, s) in series.enumerated() {
            let color = s.color ?? CategoricalPalette.color(i)
            if dashed(i), let partner = solid.first(where: { ($0.element.color ?? CategoricalPalette.color($0.offset)) == color
                && s.name.hasPrefix($0.element.name + " ") })
            {
                let suffix = String(s.name.dropFirst(partner.element.name.count + 1))
                if !suffixes.contains(suffix) { suffixes.append(suffix) }
                continue
            }
            // A line with a later one drawn exactly over it is invisible: the legend says under which.
            var label = s.name
            if let under = series[(i + 1)...].first(where: { other in
                other.values.count == s.values.count
                    && zip(other.values, s.values).allSatisfy { abs($0 - $1) < 1e-9 || ($0.isNaN && $1.isNaN) }
            }) {
                label += " (hidden under \(under.name))"
            }
            entries.append(Legend.Entry(label: label, swatch: .line(color, marker: nil, dash: dashed(i) ? "6 3" : nil, width: style.lineWidth)))
        }
        for suffix in suffixes {
            entries.append(Legend.Entry(label: "dashed: \(suffix)", swatch: .line(RGBColor(hex: 0x737373), marker: nil, dash: "6 3", width: style.lineWidth)))
        }
        return entries
    }

    /// The plot as an SVG document tree.
    public func document() -> SVGDocument {
        let steps = max(1, series.map(\.values.count).max() ?? 1)
        let lastStep = firstStep + Double(max(1, steps - 1))
        var x = AxisMapping(data: [], range: .fixed(firstStep, lastStep), scale: .linear, target: 8)
        var y = AxisMapping(data: series.flatMap(\.values), range: yRange, scale: .linear, target: 6)

        let legend = Legend(title: nil, entries: legendEntries(), style: style)
        let legendSize = legend.size

        let pad = style.outerPadding
        let titleHeight = title == nil ? 0 : style.titleSize + 12
        let left = pad + AxisDrawing.leftMargin(y, title: yLabel, style: style)
        let right = width - pad - (legendSize.width > 0 ? legendSize.width + 18 : 6)
        // Window labels above the plot, packed into rows by a first-fit sweep.
        let labelSize = style.annotationSize
        let provisional = Box(x: left, y: 0, width: max(40, right - left), height: 1)
        x.pixelLower = provisional.x
        x.pixelUpper = provisional.maxX
        // Windows that overlap the x range; the others are not drawn.
        let shown = windows.filter { window in
            let stop = window.stop ?? x.upper
            return window.start.isFinite && stop.isFinite && stop > window.start && window.start < x.upper
                && stop > x.lower
        }
        var rowEnds: [Double] = []
        var labelRows: [Int] = []
        for window in shown {
            let start = x.pixel(max(window.start, firstStep))
            let labelWidth = TextMetrics.width(of: window.label, fontSize: labelSize)
            let labelStart = min(start, provisional.maxX - labelWidth)
            let row = rowEnds.firstIndex { $0 + 8 <= labelStart } ?? rowEnds.count
            if row == rowEnds.count { rowEnds.append(0) }
            rowEnds[row] = labelStart + labelWidth
            labelRows.append(row)
        }
        let rowHeight = labelSize + 5
        let labelBlock = Double(rowEnds.count) * rowHeight + (rowEnds.isEmpty ? 0 : 4)
        let top = pad + titleHeight + labelBlock + 6
        let bottom = height - pad - AxisDrawing.bottomMargin(title: xLabel, style: style)
        let plot = Box(x: left, y: top, width: max(40, right - left), height: max(40, bottom - top))
        x.pixelLower = plot.x
        x.pixelUpper = plot.maxX
        y.pixelLower = plot.maxY
        y.pixelUpper = plot.y

        // A legend taller than the plot makes the canvas taller rather than running off it.
        let canvasHeight = max(height, top + legendSize.height + pad)
        var document = SVGDocument(width: width, height: canvasHeight, fontFamily: style.fontFamily)
        document.define(AxisDrawing.clipPath(id: "plot-area", plot: plot))
        document.append(AxisDrawing.grid(x: x, y: y, plot: plot, style: style))

        // Bands first so lines stay on top.
        var bands: [SVGElement] = []
        let bandColor = RGBColor(hex: 0x7F7F7F)
        for (i, window) in shown.enumerated() {
            let startValue = max(window.start, x.lower)
            let stopValue = min(window.stop ?? x.upper, x.upper)
            let x0 = x.pixel(startValue)
            let x1 = x.pixel(stopValue)
            var band = Draw.rect(Box(x: x0, y: plot.y, width: x1 - x0, height: plot.height),
                fill: bandColor.hex, opacity: 0.13)
            band.set("class", "window")
            bands.append(band)
            let labelY = pad + titleHeight + Double(labelRows[i]) * rowHeight + labelSize
            bands.append(Draw.line(x0, labelY + 3, x0, plot.maxY, color: bandColor, width: 1, dash: "3 3"))
            let labelWidth = TextMetrics.width(of: window.label, fontSize: labelSize)
            let labelX = min(x0, plot.maxX - labelWidth)
            bands.append(Draw.text(window.label, x: labelX + (labelX < x0 ? 0 : 3), y: labelY, size: labelSize,
                color: style.mutedTextColor))
        }
        document.append(Draw.group("windows", bands))

        var lines: [SVGElement] = []
        for (i, s) in series.enumerated() {
            let points: [(Double, Double)?] = s.values.enumerated().map { step, value in
                value.isFinite ? (x.pixel(firstStep + Double(step)), y.pixel(value)) : nil
            }
            var path = SVGElement("path", ["class": "series", "d": AxisDrawing.polylinePath(points), "fill": "none"])
            path.set("stroke", (s.color ?? CategoricalPalette.color(i)).hex)
            path.set("stroke-width", style.lineWidth)
            path.set("stroke-linejoin", "round")
            path.set("stroke-linecap", "round")
            if dashed(i) { path.set("stroke-dasharray", "6 3") }
            lines.append(path)
        }
        document.append(SVGElement("g", ["class": "data", "clip-path": "url(#plot-area)"], children: lines))
        document.append(AxisDrawing.bottom(x, plot: plot, title: xLabel, style: style))
        document.append(AxisDrawing.left(y, plot: plot, title: yLabel, style: style))
        if let title { document.append(Draw.title(title, over: plot, top: pad, canvasWidth: width, style: style)) }
        if legendSize.width > 0 { document.append(legend.render(x: plot.maxX + 18, y: plot.y)) }
        return document
    }
}
