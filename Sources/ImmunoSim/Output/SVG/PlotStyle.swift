/// Fonts, sizes and neutral colours shared by every plot; the defaults mimic a clean
/// matplotlib/seaborn "whitegrid" look.
public struct PlotStyle: Sendable, Equatable {
    /// The generic font stack used by every document.
    public static let defaultFontFamily = "Helvetica, Arial, sans-serif"

    /// The font family of all text.
    public var fontFamily: String = PlotStyle.defaultFontFamily
    /// The plot title size in pixels (bold).
    public var titleSize: Double = 16
    /// The axis title size in pixels.
    public var axisTitleSize: Double = 13
    /// The tick label size in pixels.
    public var tickLabelSize: Double = 11
    /// The legend text size in pixels.
    public var legendSize: Double = 11
    /// Small annotation text (window labels, cell values) in pixels.
    public var annotationSize: Double = 10.5
    /// The colour of titles and labels.
    public var textColor = RGBColor(hex: 0x222222)
    /// The colour of tick labels and secondary text.
    public var mutedTextColor = RGBColor(hex: 0x555555)
    /// The colour of axis lines and tick marks.
    public var axisColor = RGBColor(hex: 0x444444)
    /// The colour of grid lines.
    public var gridColor = RGBColor(hex: 0xE6E6E6)
    /// The stroke width of data lines.
    public var lineWidth: Double = 2
    /// The length of tick marks.
    public var tickLength: Double = 5
    /// The space around the whole figure.
    public var outerPadding: Double = 14

    /// The default style.
    public init() {}
}

/// An axis-aligned rectangle in canvas pixels.
struct Box: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
}

/// Small element factories shared by the plots.
enum Draw {
    /// A text element; `anchor` is `start`, `middle` or `end`; `rotation` in degrees about (x, y).
    static func text(_ string: String, x: Double, y: Double, size: Double, color: RGBColor,
        anchor: String = "start", bold: Bool = false, rotation: Double = 0, baseline: String? = nil) -> SVGElement
    {
        var element = SVGElement("text", text: string)
        element.set("x", x)
        element.set("y", y)
        element.set("font-size", size, digits: 1)
        element.set("fill", color.hex)
        if anchor != "start" { element.set("text-anchor", anchor) }
        if bold { element.set("font-weight", "bold") }
        if let baseline { element.set("dominant-baseline", baseline) }
        if rotation != 0 {
            element.set("transform", "rotate(\(SVGNumber.format(rotation)) \(SVGNumber.format(x)) \(SVGNumber.format(y)))")
        }
        return element
    }

    /// A straight line.
    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, color: RGBColor,
        width: Double = 1, dash: String? = nil) -> SVGElement
    {
        var element = SVGElement("line")
        element.set("x1", x1)
        element.set("y1", y1)
        element.set("x2", x2)
        element.set("y2", y2)
        element.set("stroke", color.hex)
        element.set("stroke-width", width)
        if let dash { element.set("stroke-dasharray", dash) }
        return element
    }

    /// A rectangle.
    static func rect(_ box: Box, fill: String, stroke: RGBColor? = nil, strokeWidth: Double = 1,
        opacity: Double? = nil, radius: Double = 0) -> SVGElement
    {
        var element = SVGElement("rect")
        element.set("x", box.x)
        element.set("y", box.y)
        element.set("width", max(0, box.width))
        element.set("height", max(0, box.height))
        if radius > 0 { element.set("rx", radius) }
        element.set("fill", fill)
        if let opacity { element.set("fill-opacity", opacity, digits: 3) }
        if let stroke {
            element.set("stroke", stroke.hex)
            element.set("stroke-width", strokeWidth)
        }
        return element
    }

    /// A group with a class name.
    static func group(_ className: String, _ children: [SVGElement]) -> SVGElement {
        SVGElement("g", ["class": className], children: children)
    }

    /// The plot title centred over `plot`.
    /// The title centred over the plot area, kept inside `0...canvasWidth` (with a small margin):
    /// a long title is moved toward the middle of the canvas and, if it still does not fit, set
    /// smaller (down to 60 % of the title size).
    static func title(_ title: String, over plot: Box, top: Double, canvasWidth: Double, style: PlotStyle) -> SVGElement {
        let margin = 8.0
        let room = max(1, canvasWidth - 2 * margin)
        var size = style.titleSize
        var width = TextMetrics.width(of: title, fontSize: size, bold: true)
        if width > room {
            size = max(style.titleSize * 0.6, size * room / width)
            width = TextMetrics.width(of: title, fontSize: size, bold: true)
        }
        let half = width / 2
        let x = min(max(plot.midX, margin + half), canvasWidth - margin - half)
        return text(title, x: x, y: top + style.titleSize, size: size, color: style.textColor, anchor: "middle", bold: true)
    }
}
