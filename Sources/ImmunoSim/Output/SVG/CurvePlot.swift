/// One curve of a ``CurvePlot``: points (x, y) joined in the given order, with markers.
public struct Curve: Sendable, Equatable {
    /// The legend label.
    public var name: String
    /// The x values (dose, start step, …).
    public var x: [Double]
    /// The y values, same count as `x` (extra values on either side are ignored).
    public var y: [Double]
    /// The colour, or `nil` for the next palette colour.
    public var color: RGBColor?
    /// A reference line (an untreated level): dashed and without markers.
    public var isReference: Bool

    /// Creates a curve from parallel arrays.
    public init(name: String, x: [Double], y: [Double], color: RGBColor? = nil, isReference: Bool = false) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
        self.isReference = isReference
    }
}

/// Dose–response or schedule curves: numeric x, one or more curves with markers, optional log-x.
///
/// ```swift
/// let svg = CurvePlot(title: "Dose response", curves: [Curve(name: "anti-PD-1", x: doses, y: burden)],
///     xLabel: "dose", yLabel: "tumour burden", xScale: .logarithmic).svg()
/// ```
/// Points whose coordinates are not finite — or whose x is ≤ 0 on a logarithmic axis — cannot be
/// placed; they are left out and the line breaks there.
public struct CurvePlot: Sendable {
    /// The plot title, or `nil`.
    public var title: String?
    /// The curves.
    public var curves: [Curve]
    /// The x-axis title.
    public var xLabel: String?
    /// The y-axis title.
    public var yLabel: String?
    /// Linear or logarithmic x.
    public var xScale: AxisScale
    /// The y range.
    public var yRange: AxisRange
    /// Whether to draw markers at the points.
    public var showMarkers: Bool
    /// The canvas width in pixels.
    public var width: Double
    /// The canvas height in pixels.
    public var height: Double
    /// Fonts and colours.
    public var style: PlotStyle

    /// Creates a curve plot.
    public init(title: String? = nil, curves: [Curve], xLabel: String? = nil, yLabel: String? = nil,
        xScale: AxisScale = .linear, yRange: AxisRange = .automatic, showMarkers: Bool = true,
        width: Double = 680, height: Double = 440, style: PlotStyle = PlotStyle())
    {
        self.title = title
        self.curves = curves
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yRange = yRange
        self.showMarkers = showMarkers
        self.width = width
        self.height = height
        self.style = style
    }

    /// The plot as a standalone SVG document.
    /// - Complexity: O(total number of points).
    public func svg() -> String { document().render() }

    /// The plot as an SVG document tree.
    public func document() -> SVGDocument {
        var allX: [Double] = []
        var allY: [Double] = []
        for curve in curves {
            for i in 0..<min(curve.x.count, curve.y.count) where curve.y[i].isFinite {
                allX.append(curve.x[i])
                allY.append(curve.y[i])
            }
        }
        var x = AxisMapping(data: allX, range: .automatic, scale: xScale, target: 7)
        var y = AxisMapping(data: allY, range: yRange, scale: .linear, target: 6)
        let color = { (i: Int) in self.curves[i].color ?? CategoricalPalette.color(i) }
        let legend = Legend(title: nil, entries: curves.indices.map { i in
            Legend.Entry(label: curves[i].name, swatch: .line(color(i),
                marker: showMarkers && !curves[i].isReference ? MarkerShape.forSeries(i) : nil,
                dash: curves[i].isReference ? "6 3" : nil, width: style.lineWidth))
        }, style: style)
        let legendSize = legend.size

        let pad = style.outerPadding
        let top = pad + (title == nil ? 4 : style.titleSize + 16)
        let left = pad + AxisDrawing.leftMargin(y, title: yLabel, style: style)
        let right = width - pad - (legendSize.width > 0 ? legendSize.width + 18 : 10)
        let bottom = height - pad - AxisDrawing.bottomMargin(title: xLabel, style: style)
        // Inset the data a little so markers on the range ends stay clear of the axes.
        let plot = Box(x: left, y: top, width: max(40, right - left), height: max(40, bottom - top))
        let inset = showMarkers ? 8.0 : 0
        x.pixelLower = plot.x + inset
        x.pixelUpper = plot.maxX - inset
        y.pixelLower = plot.maxY - inset
        y.pixelUpper = plot.y + inset

        var document = SVGDocument(width: width, height: max(height, top + legendSize.height + pad),
            fontFamily: style.fontFamily)
        document.define(AxisDrawing.clipPath(id: "plot-area", plot: plot))
        document.append(AxisDrawing.grid(x: x, y: y, plot: plot, style: style))
        var data: [SVGElement] = []
        var markers: [SVGElement] = []
        for (i, curve) in curves.enumerated() {
            var points: [(Double, Double)?] = []
            for j in 0..<min(curve.x.count, curve.y.count) {
                let (vx, vy) = (curve.x[j], curve.y[j])
                guard x.accepts(vx), vy.isFinite else {
                    points.append(nil)
                    continue
                }
                let point = (x.pixel(vx), y.pixel(vy))
                points.append(point)
                if showMarkers && !curve.isReference {
                    markers.append(MarkerShape.forSeries(i).element(x: point.0, y: point.1, size: 8, color: color(i)))
                }
            }
            var path = SVGElement("path", ["class": "curve", "d": AxisDrawing.polylinePath(points), "fill": "none"])
            path.set("stroke", color(i).hex)
            path.set("stroke-width", style.lineWidth)
            path.set("stroke-linejoin", "round")
            if curve.isReference { path.set("stroke-dasharray", "6 3") }
            data.append(path)
        }
        document.append(SVGElement("g", ["class": "data", "clip-path": "url(#plot-area)"], children: data))
        document.append(Draw.group("markers", markers))
        document.append(AxisDrawing.bottom(x, plot: plot, title: xLabel, style: style))
        document.append(AxisDrawing.left(y, plot: plot, title: yLabel, style: style))
        if let title { document.append(Draw.title(title, over: plot, top: pad, canvasWidth: width, style: style)) }
        if legendSize.width > 0 { document.append(legend.render(x: plot.maxX + 18, y: plot.y)) }
        return document
    }
}
