import Foundation

/// How an axis maps data to position.
public enum AxisScale: Sendable, Equatable {
    /// Linear.
    case linear
    /// Base-10 logarithmic; only positive values can be shown.
    case logarithmic
}

/// The value range of an axis.
public enum AxisRange: Sendable, Equatable {
    /// Fit the data, extended outward to nice tick values.
    case automatic
    /// Exactly these bounds; data outside is clipped.
    case fixed(Double, Double)
}

/// One tick of an axis: its value and label.
struct AxisTick: Sendable, Equatable {
    var value: Double
    var label: String

    /// A tick whose label uses a typographic minus sign (U+2212), as typeset plots do.
    init(value: Double, label: String) {
        self.value = value
        self.label = label.hasPrefix("-") ? "\u{2212}" + label.dropFirst() : label
    }
}

/// A data → pixel mapping along one axis with its ticks.
struct AxisMapping: Sendable {
    var lower: Double
    var upper: Double
    var scale: AxisScale
    var pixelLower: Double = 0
    var pixelUpper: Double = 1
    var ticks: [AxisTick]
    /// Unlabelled minor ticks (the 2…9 multiples of a logarithmic axis that has no labels there).
    var minorTicks: [Double] = []

    /// Builds the mapping for data values under a range choice.
    init(data: [Double], range: AxisRange, scale: AxisScale, target: Int = 6) {
        self.scale = scale
        let usable = data.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        switch scale {
        case .linear:
            let (low, high): (Double, Double)
            switch range {
            case .fixed(let a, let b) where a.isFinite && b.isFinite && a != b: (low, high) = (min(a, b), max(a, b))
            default: (low, high) = (usable.min() ?? 0, usable.max() ?? 1)
            }
            let nice = NiceTicks(lower: low, upper: high, target: target)
            if case .fixed(let a, let b) = range, a.isFinite, b.isFinite, a != b {
                lower = low
                upper = high
                let tolerance = nice.step * 1e-6
                ticks = nice.values.filter { $0 >= low - tolerance && $0 <= high + tolerance }
                    .map { AxisTick(value: $0, label: nice.label($0)) }
            } else {
                lower = nice.values.first ?? low
                upper = nice.values.last ?? high
                ticks = nice.values.map { AxisTick(value: $0, label: nice.label($0)) }
            }
        case .logarithmic:
            var low = usable.min() ?? 1
            var high = usable.max() ?? 10
            if case .fixed(let a, let b) = range, a > 0, b > 0, a != b {
                (low, high) = (min(a, b), max(a, b))
            }
            let log = LogTicks(minimum: low, maximum: high)
            if case .fixed(let a, let b) = range, a > 0, b > 0, a != b {
                lower = low
                upper = high
            } else {
                lower = log.lower
                upper = log.upper
            }
            let (l, u) = (lower, upper)
            ticks = log.values.filter { $0 >= l * (1 - 1e-9) && $0 <= u * (1 + 1e-9) }
                .map { AxisTick(value: $0, label: log.label($0)) }
            var minor: [Double] = []
            var decade = log.lower
            while decade < log.upper && minor.count < 400 {
                for m in 2...9 {
                    let v = Double(m) * decade
                    if v > l * (1 + 1e-9) && v < u * (1 - 1e-9) && !log.values.contains(v) { minor.append(v) }
                }
                decade *= 10
            }
            minorTicks = log.values.count > 12 ? [] : minor
        }
    }

    /// Whether a value can be drawn on this axis.
    func accepts(_ value: Double) -> Bool { value.isFinite && (scale == .linear || value > 0) }

    /// The pixel position of `value` (values outside the range extrapolate).
    func pixel(_ value: Double) -> Double {
        let t: Double
        switch scale {
        case .linear: t = (value - lower) / (upper - lower)
        case .logarithmic: t = (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
        return pixelLower + t * (pixelUpper - pixelLower)
    }

    /// The widest tick label in pixels.
    func widestLabel(size: Double) -> Double {
        ticks.map { TextMetrics.width(of: $0.label, fontSize: size) }.max() ?? 0
    }
}

/// Axis drawing: grid, spines, ticks, labels and titles in a clean matplotlib-like style.
enum AxisDrawing {
    /// Space needed left of the plot for the y axis.
    static func leftMargin(_ y: AxisMapping, title: String?, style: PlotStyle) -> Double {
        style.tickLength + 5 + y.widestLabel(size: style.tickLabelSize)
            + (title == nil ? 0 : style.axisTitleSize + 12)
    }

    /// Space needed below the plot for the x axis.
    static func bottomMargin(title: String?, style: PlotStyle) -> Double {
        style.tickLength + 5 + style.tickLabelSize + (title == nil ? 2 : style.axisTitleSize + 14)
    }

    /// Grid lines behind the data.
    static func grid(x: AxisMapping?, y: AxisMapping?, plot: Box, style: PlotStyle) -> SVGElement {
        var lines: [SVGElement] = []
        for tick in x?.ticks ?? [] {
            let px = x?.pixel(tick.value) ?? 0
            lines.append(Draw.line(px, plot.y, px, plot.maxY, color: style.gridColor))
        }
        for tick in y?.ticks ?? [] {
            let py = y?.pixel(tick.value) ?? 0
            lines.append(Draw.line(plot.x, py, plot.maxX, py, color: style.gridColor))
        }
        return Draw.group("grid", lines)
    }

    /// The bottom axis: spine, ticks (thinned if labels would collide), labels and title.
    static func bottom(_ x: AxisMapping, plot: Box, title: String?, style: PlotStyle) -> SVGElement {
        var parts = [Draw.line(plot.x, plot.maxY, plot.maxX, plot.maxY, color: style.axisColor)]
        let widest = x.widestLabel(size: style.tickLabelSize) + 8
        var every = 1
        if x.ticks.count > 1 {
            let spacing = abs(x.pixel(x.ticks[1].value) - x.pixel(x.ticks[0].value))
            if spacing > 0 { every = max(1, Int((widest / spacing).rounded(.up))) }
        }
        for value in x.minorTicks {
            let px = x.pixel(value)
            parts.append(Draw.line(px, plot.maxY, px, plot.maxY + style.tickLength * 0.6, color: style.axisColor,
                width: 0.7))
        }
        for (i, tick) in x.ticks.enumerated() where i % every == 0 {
            let px = x.pixel(tick.value)
            parts.append(Draw.line(px, plot.maxY, px, plot.maxY + style.tickLength, color: style.axisColor))
            parts.append(Draw.text(tick.label, x: px, y: plot.maxY + style.tickLength + 3 + style.tickLabelSize * 0.8,
                size: style.tickLabelSize, color: style.mutedTextColor, anchor: "middle"))
        }
        if let title {
            let y = plot.maxY + style.tickLength + 5 + style.tickLabelSize + 8 + style.axisTitleSize * 0.8
            parts.append(Draw.text(title, x: plot.midX, y: y, size: style.axisTitleSize, color: style.textColor,
                anchor: "middle"))
        }
        return Draw.group("x-axis", parts)
    }

    /// The left axis: spine, ticks, labels and a rotated title.
    static func left(_ y: AxisMapping, plot: Box, title: String?, style: PlotStyle) -> SVGElement {
        var parts = [Draw.line(plot.x, plot.y, plot.x, plot.maxY, color: style.axisColor)]
        for tick in y.ticks {
            let py = y.pixel(tick.value)
            parts.append(Draw.line(plot.x - style.tickLength, py, plot.x, py, color: style.axisColor))
            parts.append(Draw.text(tick.label, x: plot.x - style.tickLength - 4, y: py + style.tickLabelSize * 0.35,
                size: style.tickLabelSize, color: style.mutedTextColor, anchor: "end"))
        }
        if let title {
            let x = plot.x - style.tickLength - 5 - y.widestLabel(size: style.tickLabelSize) - 10
            parts.append(Draw.text(title, x: x, y: plot.midY, size: style.axisTitleSize, color: style.textColor,
                anchor: "middle", rotation: -90))
        }
        return Draw.group("y-axis", parts)
    }

    /// A clip path named `id` around the plot area (a hair larger so lines on the edge show).
    static func clipPath(id: String, plot: Box) -> SVGElement {
        SVGElement("clipPath", ["id": id], children: [
            Draw.rect(Box(x: plot.x - 1, y: plot.y - 1, width: plot.width + 2, height: plot.height + 2), fill: "#000000")
        ])
    }

    /// An SVG path through points, starting a new sub-path after every gap (`nil`).
    static func polylinePath(_ points: [(Double, Double)?]) -> String {
        var d = ""
        var penDown = false
        for point in points {
            guard let (x, y) = point else {
                penDown = false
                continue
            }
            if !d.isEmpty { d += " " }
            d += penDown ? "L" : "M"
            SVGNumber.append(x, to: &d)
            d += " "
            SVGNumber.append(y, to: &d)
            penDown = true
        }
        return d
    }
}
