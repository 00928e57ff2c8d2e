/// A vertical colour bar for a ``ColorScale``: a gradient strip with nice ticks and a title.
struct ColorBar: Sendable {
    var scale: ColorScale
    var title: String?
    var style: PlotStyle
    /// The gradient's element id.
    var gradientID: String = "colorbar-gradient"
    let stripWidth: Double = 14

    private var ticks: [AxisTick] {
        let (lower, upper) = scale.bounds
        let nice = NiceTicks(lower: lower, upper: upper, target: 5)
        let tolerance = nice.step * 1e-6
        return nice.values.filter { $0 >= lower - tolerance && $0 <= upper + tolerance }
            .map { AxisTick(value: $0, label: nice.label($0)) }
    }

    /// The width the bar needs including labels and title.
    var width: Double {
        let labels = ticks.map { TextMetrics.width(of: $0.label, fontSize: style.tickLabelSize) }.max() ?? 0
        let titleWidth = title.map { TextMetrics.width(of: $0, fontSize: style.tickLabelSize, bold: true) } ?? 0
        return max(stripWidth + 4 + labels + 4, titleWidth)
    }

    /// The extra height the title needs above the strip.
    var titleHeight: Double { title == nil ? 0 : style.tickLabelSize + 10 }

    /// The gradient definition: stops at the ramp's anchors, low at the bottom.
    var gradient: SVGElement {
        var element = SVGElement("linearGradient", ["id": gradientID, "x1": "0", "y1": "1", "x2": "0", "y2": "0"])
        let count = scale.ramp.anchors.count
        for (i, color) in scale.ramp.anchors.enumerated() {
            var stop = SVGElement("stop")
            stop.set("offset", Double(i) / Double(count - 1), digits: 4)
            stop.set("stop-color", color.hex)
            element.append(stop)
        }
        return element
    }

    /// The bar with the top of its title at (x, y); the strip is `height` tall.
    func render(x: Double, y: Double, height: Double) -> SVGElement {
        var parts: [SVGElement] = []
        if let title {
            parts.append(Draw.text(title, x: x, y: y + style.tickLabelSize, size: style.tickLabelSize,
                color: style.textColor, bold: true))
        }
        let top = y + titleHeight
        parts.append(Draw.rect(Box(x: x, y: top, width: stripWidth, height: height), fill: "url(#\(gradientID))",
            stroke: RGBColor(hex: 0x999999), strokeWidth: 0.5))
        for tick in ticks {
            guard let position = scale.position(of: tick.value) else { continue }
            let py = top + height * (1 - position)
            parts.append(Draw.line(x + stripWidth, py, x + stripWidth + 3, py, color: style.axisColor))
            parts.append(Draw.text(tick.label, x: x + stripWidth + 5, y: py + style.tickLabelSize * 0.35,
                size: style.tickLabelSize, color: style.mutedTextColor))
        }
        return Draw.group("colorbar", parts)
    }
}
