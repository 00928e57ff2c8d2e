/// Point marker shapes; curves cycle through them so series differ by shape as well as colour.
public enum MarkerShape: Int, Sendable, CaseIterable {
    /// A filled circle.
    case circle
    /// A filled square.
    case square
    /// A filled upward triangle.
    case triangle
    /// A filled diamond.
    case diamond
    /// A filled downward triangle.
    case triangleDown

    /// The shape for series `index`, cycling.
    public static func forSeries(_ index: Int) -> MarkerShape {
        allCases[((index % allCases.count) + allCases.count) % allCases.count]
    }

    /// The marker centred at (x, y) with the given overall size, filled, with a white rim.
    func element(x: Double, y: Double, size: Double, color: RGBColor) -> SVGElement {
        let r = size / 2
        var element: SVGElement
        switch self {
        case .circle:
            element = SVGElement("circle")
            element.set("cx", x)
            element.set("cy", y)
            element.set("r", r)
        case .square:
            let s = r * 0.9
            element = SVGElement("rect")
            element.set("x", x - s)
            element.set("y", y - s)
            element.set("width", 2 * s)
            element.set("height", 2 * s)
        case .triangle:
            element = Self.polygon([(x, y - r * 1.15), (x + r * 1.05, y + r * 0.75), (x - r * 1.05, y + r * 0.75)])
        case .diamond:
            element = Self.polygon([(x, y - r * 1.2), (x + r * 1.0, y), (x, y + r * 1.2), (x - r * 1.0, y)])
        case .triangleDown:
            element = Self.polygon([(x, y + r * 1.15), (x + r * 1.05, y - r * 0.75), (x - r * 1.05, y - r * 0.75)])
        }
        element.set("fill", color.hex)
        element.set("stroke", "#ffffff")
        element.set("stroke-width", 1)
        return element
    }

    static func polygon(_ points: [(Double, Double)]) -> SVGElement {
        SVGElement("polygon", ["points": points.map { "\(SVGNumber.format($0.0)),\(SVGNumber.format($0.1))" }
            .joined(separator: " ")])
    }
}
