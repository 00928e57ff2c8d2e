/// A legend: a framed list of swatches with labels, placed right of the plot.
struct Legend: Sendable {
    /// What an entry's swatch looks like.
    enum Swatch: Sendable {
        /// A line segment, optionally with a marker and a dash pattern.
        case line(RGBColor, marker: MarkerShape?, dash: String?, width: Double)
        /// A filled box (translucent if `opacity` < 1) with an optional outline.
        case box(fill: String, opacity: Double, stroke: RGBColor?)
        /// Any small drawing centred at the origin, 24 × 14 pixels at most.
        case custom([SVGElement])
    }

    /// One row of the legend.
    struct Entry: Sendable {
        var label: String
        var swatch: Swatch
    }

    var title: String?
    var entries: [Entry]
    var style: PlotStyle

    private var rowHeight: Double { style.legendSize + 8 }
    private let swatchWidth: Double = 26
    private let padding: Double = 8

    /// The legend's size in pixels (zero when there are no entries).
    var size: (width: Double, height: Double) {
        guard !entries.isEmpty else { return (0, 0) }
        let labelWidth = entries.map { TextMetrics.width(of: $0.label, fontSize: style.legendSize) }.max() ?? 0
        let titleWidth = title.map { TextMetrics.width(of: $0, fontSize: style.legendSize, bold: true) } ?? 0
        let width = max(swatchWidth + 6 + labelWidth, titleWidth) + 2 * padding
        let height = Double(entries.count) * rowHeight + 2 * padding - 4 + (title == nil ? 0 : rowHeight)
        return (width, height)
    }

    /// The legend with its top-left corner at (x, y).
    func render(x: Double, y: Double) -> SVGElement {
        let (width, height) = size
        var parts = [Draw.rect(Box(x: x, y: y, width: width, height: height), fill: "#ffffff",
            stroke: RGBColor(hex: 0xCCCCCC), radius: 3)]
        var rowTop = y + padding
        if let title {
            parts.append(Draw.text(title, x: x + padding, y: rowTop + style.legendSize * 0.85, size: style.legendSize,
                color: style.textColor, bold: true))
            rowTop += rowHeight
        }
        for entry in entries {
            let cy = rowTop + (rowHeight - 4) / 2
            let sx = x + padding
            switch entry.swatch {
            case .line(let color, let marker, let dash, let lineWidth):
                parts.append(Draw.line(sx, cy, sx + swatchWidth, cy, color: color, width: lineWidth, dash: dash))
                if let marker {
                    parts.append(marker.element(x: sx + swatchWidth / 2, y: cy, size: 7, color: color))
                }
            case .box(let fill, let opacity, let stroke):
                parts.append(Draw.rect(Box(x: sx + 3, y: cy - 6, width: swatchWidth - 6, height: 12), fill: fill,
                    stroke: stroke, opacity: opacity < 1 ? opacity : nil))
            case .custom(let elements):
                parts.append(SVGElement("g", ["transform": "translate(\(SVGNumber.format(sx + swatchWidth / 2)) \(SVGNumber.format(cy)))"],
                    children: elements))
            }
            parts.append(Draw.text(entry.label, x: sx + swatchWidth + 6, y: cy + style.legendSize * 0.35,
                size: style.legendSize, color: style.textColor))
            rowTop += rowHeight
        }
        return Draw.group("legend", parts)
    }
}
