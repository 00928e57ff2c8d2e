import ImmunoGraph

/// The outline of a node in a network drawing.
public enum NodeShape: Sendable, Equatable {
    /// A rectangle with slightly rounded corners.
    case roundedBox
    /// A rectangle with square corners.
    case box
    /// An ellipse.
    case ellipse
    /// A rectangle with semicircular ends.
    case pill
    /// A hexagon with pointed left and right ends.
    case hexagon
    /// A rectangle with cut corners.
    case octagon
}

/// How nodes of one kind are drawn: shape, fill and outline.
public struct NodeAppearance: Sendable, Equatable {
    /// The outline shape.
    public var shape: NodeShape
    /// The fill colour.
    public var fill: RGBColor
    /// The outline colour.
    public var stroke: RGBColor
    /// The legend name of the kind.
    public var title: String

    /// Creates an appearance.
    public init(shape: NodeShape, fill: RGBColor, stroke: RGBColor, title: String) {
        self.shape = shape
        self.fill = fill
        self.stroke = stroke
        self.title = title
    }

    private static func make(_ shape: NodeShape, _ hex: UInt32, _ title: String) -> NodeAppearance {
        let base = RGBColor(hex: hex)
        return NodeAppearance(shape: shape, fill: base.tinted(0.78), stroke: base.shaded(0.15), title: title)
    }

    /// The appearance of a node kind: therapies are purple hexagons, cells blue ellipses, cytokines
    /// green pills, checkpoint receptors orange boxes, checkpoint ligands yellow boxes, other
    /// molecules sky-blue rounded boxes, processes grey rounded boxes and phenotypes dark octagons.
    public static func forKind(_ kind: NodeKind) -> NodeAppearance {
        switch kind {
        case .therapy: make(.hexagon, 0xCC79A7, "therapy")
        case .cell: make(.ellipse, 0x0072B2, "cell")
        case .cytokine, .chemokine: make(.pill, 0x009E73, "cytokine / chemokine")
        case .checkpointReceptor: make(.box, 0xE69F00, "checkpoint receptor")
        case .checkpointLigand: make(.box, 0xD4C200, "checkpoint ligand")
        case .receptor, .enzyme, .transcriptionFactor, .pathway, .marker, .damp:
            make(.roundedBox, 0x56B4E9, "molecule / pathway")
        case .process: make(.roundedBox, 0x8C8C8C, "process")
        case .phenotype: make(.octagon, 0x333333, "phenotype / readout")
        default: make(.roundedBox, 0xB0B0B0, "other")
        }
    }

    /// Extra width the shape needs beyond a rectangle around the label.
    var extraWidth: Double {
        switch shape {
        case .hexagon: 18
        case .ellipse: 18
        case .octagon: 10
        case .pill: 8
        default: 0
        }
    }

    /// The outline element centred at (cx, cy).
    func outline(cx: Double, cy: Double, width w: Double, height h: Double, strokeWidth: Double) -> SVGElement {
        var element: SVGElement
        let (l, r, t, b) = (cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2)
        func polygon(_ points: [(Double, Double)]) -> SVGElement {
            MarkerShape.polygon(points)
        }
        switch shape {
        case .roundedBox, .box, .pill:
            element = Draw.rect(Box(x: l, y: t, width: w, height: h), fill: fill.hex, stroke: stroke,
                strokeWidth: strokeWidth, radius: shape == .pill ? h / 2 : shape == .roundedBox ? 5 : 0)
            return element
        case .ellipse:
            element = SVGElement("ellipse")
            element.set("cx", cx)
            element.set("cy", cy)
            element.set("rx", w / 2)
            element.set("ry", h / 2)
        case .hexagon:
            let k = h / 2
            element = polygon([(l, cy), (l + k, t), (r - k, t), (r, cy), (r - k, b), (l + k, b)])
        case .octagon:
            let k = h / 4
            element = polygon([(l + k, t), (r - k, t), (r, t + k), (r, b - k), (r - k, b), (l + k, b), (l, b - k),
                (l, t + k)])
        }
        element.set("fill", fill.hex)
        element.set("stroke", stroke.hex)
        element.set("stroke-width", strokeWidth)
        return element
    }

    /// The vertical distance from the centre to the outline at horizontal offset `dx` (|dx| ≤ w/2).
    func halfHeight(at dx: Double, width w: Double, height h: Double) -> Double {
        let a = abs(dx)
        let half = w / 2
        switch shape {
        case .box, .roundedBox: return h / 2
        case .ellipse:
            let u = min(1, a / half)
            return h / 2 * (1 - u * u).squareRoot()
        case .pill, .hexagon:
            let k = h / 2
            return a <= half - k ? h / 2 : max(0, h / 2 * (half - a) / k)
        case .octagon:
            let k = h / 4
            return a <= half - k ? h / 2 : max(0, h / 2 - (a - (half - k)))
        }
    }
}
