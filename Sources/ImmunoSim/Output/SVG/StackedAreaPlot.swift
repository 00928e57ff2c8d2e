/// A stacked-area chart of a distribution over time: at each time the layers' values (which sum
/// to at most 1) are stacked from the bottom, as MaBoSS users know from its state-probability
/// plots.
///
/// ```swift
/// let plot = StackedAreaPlot(title: "Output states", times: [0, 1, 2],
///                            layers: [Series(name: "<nil>", values: [1, 0.6, 0.3]),
///                                     Series(name: "Apoptosis", values: [0, 0.4, 0.7])])
/// let svg = plot.svg()
/// ```
public struct StackedAreaPlot: Sendable {
    /// The plot title, or `nil`.
    public var title: String?
    /// The times (x) of the values.
    public var times: [Double]
    /// The layers, bottom first; each has one value per time.
    public var layers: [Series]
    /// The x-axis title.
    public var xLabel: String?
    /// The y-axis title.
    public var yLabel: String?
    /// The canvas width in pixels.
    public var width: Double
    /// The canvas height in pixels.
    public var height: Double
    /// Fonts and colours.
    public var style: PlotStyle

    /// Creates a stacked-area plot.
    public init(title: String? = nil, times: [Double], layers: [Series], xLabel: String? = "time",
                yLabel: String? = "probability", width: Double = 680, height: Double = 440, style: PlotStyle = PlotStyle()) {
        self.title = title
        self.times = times
        self.layers = layers
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
        self.style = style
    }

    /// The plot as a standalone SVG document.
    ///
    /// - Complexity: O(layers × times).
    public func svg() -> String { document().render() }

    /// The plot as an SVG document tree.
    public func document() -> SVGDocument {
        var x = AxisMapping(data: times.isEmpty ? [0, 1] : times, range: .automatic, scale: .linear, target: 7)
        var y = AxisMapping(data: [0, 1], range: .fixed(0, 1), scale: .linear, target: 6)
        let color = { (i: Int) in self.layers[i].color ?? CategoricalPalette.color(i) }
        // The legend lists the top layer first, matching the stack.
        let legend = Legend(title: nil, entries: layers.indices.reversed().map { i in
            Legend.Entry(label: layers[i].name, swatch: .box(fill: color(i).hex, opacity: 0.85, stroke: nil))
        }, style: style)
        let legendSize = legend.size
        let pad = style.outerPadding
        let top = pad + (title == nil ? 4 : style.titleSize + 16)
        let left = pad + AxisDrawing.leftMargin(y, title: yLabel, style: style)
        let right = width - pad - (legendSize.width > 0 ? legendSize.width + 18 : 10)
        let bottom = height - pad - AxisDrawing.bottomMargin(title: xLabel, style: style)
        let plot = Box(x: left, y: top, width: max(40, right - left), height: max(40, bottom - top))
        x.pixelLower = plot.x
        x.pixelUpper = plot.maxX
        y.pixelLower = plot.maxY
        y.pixelUpper = plot.y

        var document = SVGDocument(width: width, height: max(height, top + legendSize.height + pad), fontFamily: style.fontFamily)
        document.define(AxisDrawing.clipPath(id: "plot-area", plot: plot))
        document.append(AxisDrawing.grid(x: x, y: y, plot: plot, style: style))
        var lower = [Double](repeating: 0, count: times.count)
        var areas: [SVGElement] = []
        for (i, layer) in layers.enumerated() {
            let upper = times.indices.map { k in lower[k] + max(0, k < layer.values.count && layer.values[k].isFinite ? layer.values[k] : 0) }
            var d = AxisDrawing.polylinePath(times.indices.map { (x.pixel(times[$0]), y.pixel(min(1, upper[$0]))) })
            for k in times.indices.reversed() {
                d += " L"
                SVGNumber.append(x.pixel(times[k]), to: &d)
                d += " "
                SVGNumber.append(y.pixel(min(1, lower[k])), to: &d)
            }
            if !times.isEmpty { d += " Z" }
            var path = SVGElement("path", ["class": "layer", "d": d])
            path.set("fill", color(i).hex)
            path.set("fill-opacity", 0.85)
            path.set("stroke", "#ffffff")
            path.set("stroke-width", 0.5)
            path.children.append(SVGElement("title", text: layer.name))
            areas.append(path)
            lower = upper
        }
        document.append(SVGElement("g", ["class": "data", "clip-path": "url(#plot-area)"], children: areas))
        document.append(AxisDrawing.bottom(x, plot: plot, title: xLabel, style: style))
        document.append(AxisDrawing.left(y, plot: plot, title: yLabel, style: style))
        if let title { document.append(Draw.title(title, over: plot, top: pad, canvasWidth: width, style: style)) }
        if legendSize.width > 0 { document.append(legend.render(x: plot.maxX + 18, y: plot.y)) }
        return document
    }
}
