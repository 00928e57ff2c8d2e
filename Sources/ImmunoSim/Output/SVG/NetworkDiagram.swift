import ImmunoGraph

/// A drawing of a `MechanismGraph` (or part of it) as a layered diagram.
///
/// Nodes are shaped and coloured by kind (``NodeAppearance/forKind(_:)``); activations end in an
/// arrowhead, inhibitions in a flat tee bar and are drawn in vermillion. Edges that close a
/// feedback loop run upward. A set of edges and nodes can be highlighted — e.g. an explanation's
/// chain — which thickens them and fades everything else.
///
/// ```swift
/// let graph = try Catalog.flagship()
/// let svg = NetworkDiagram(graph: graph, title: "flagship").svg()
/// ```
/// Each node is one `<g class="node">` and each edge one `<path class="edge …">`.
public struct NetworkDiagram: Sendable {
    /// Which text labels the nodes.
    public enum Labels: Sendable, Equatable {
        /// The readable name (`PD-L1`).
        case names
        /// The identifier (`PDL1`).
        case identifiers
    }

    /// The graph.
    public var graph: MechanismGraph
    /// The title, or `nil`.
    public var title: String?
    /// Edge indices to highlight.
    public var highlightedEdges: Set<Int>
    /// Node indices to highlight (the ends of highlighted edges are highlighted too).
    public var highlightedNodes: Set<Int>
    /// If set, only these node indices (and the edges among them) are drawn.
    public var visibleNodes: Set<Int>?
    /// Node labels.
    public var labels: Labels
    /// Whether to draw the legend of node kinds and edge signs.
    public var showLegend: Bool
    /// Layout spacing.
    public var layoutOptions: LayeredLayout.Options
    /// Fonts and colours.
    public var style: PlotStyle

    /// The colour of activating edges.
    public static let activationColor = RGBColor(hex: 0x3C3C3C)
    /// The colour of inhibiting edges (Okabe–Ito vermillion).
    public static let inhibitionColor = RGBColor(hex: 0xD55E00)

    /// Creates a diagram.
    public init(graph: MechanismGraph, title: String? = nil, highlightedEdges: Set<Int> = [],
        highlightedNodes: Set<Int> = [], visibleNodes: Set<Int>? = nil, labels: Labels = .names,
        showLegend: Bool = true, layoutOptions: LayeredLayout.Options = LayeredLayout.Options(),
        style: PlotStyle = PlotStyle())
    {
        self.graph = graph
        self.title = title
        self.highlightedEdges = highlightedEdges
        self.highlightedNodes = highlightedNodes
        self.visibleNodes = visibleNodes
        self.labels = labels
        self.showLegend = showLegend
        self.layoutOptions = layoutOptions
        self.style = style
    }

    /// A diagram that highlights the edges of `paths` (an explanation's chains); with
    /// `onlyPaths`, only the nodes on the paths are drawn.
    /// `onlyPaths`, only the nodes and edges of the paths are drawn, labelled by identifier (as
    /// the explanation's text names them), so the chains flow from the origin down to the readout.
    public init(graph: MechanismGraph, explaining paths: [SignedPath], title: String? = nil, onlyPaths: Bool = false) {
        let edges = Set(paths.flatMap(\.edges))
        let nodes = Set(paths.flatMap(\.nodes))
        self.init(graph: graph, title: title, highlightedEdges: edges, highlightedNodes: nodes,
            visibleNodes: onlyPaths ? nodes : nil, labels: onlyPaths ? .identifiers : .names)
        if onlyPaths { visibleEdges = edges }
    }

    /// When set, only these edges (of visible nodes) are drawn; `nil` draws every edge between
    /// visible nodes.
    public var visibleEdges: Set<Int>?

    private let fontSize: Double = 12
    private let nodeHeight: Double = 30

    /// The diagram as a standalone SVG document.
    /// - Complexity: dominated by ``LayeredLayout``.
    public func svg() -> String { document().render() }

    /// The diagram as an SVG document tree.
    public func document() -> SVGDocument {
        // Visible nodes and edges, renumbered densely for the layout.
        let shown = (0..<graph.nodeCount).filter { visibleNodes?.contains($0) ?? true }
        var local = [Int](repeating: -1, count: graph.nodeCount)
        for (i, v) in shown.enumerated() { local[v] = i }
        let shownEdges = (0..<graph.edgeCount).filter {
            local[graph.source(ofEdge: $0)] >= 0 && local[graph.target(ofEdge: $0)] >= 0 && (visibleEdges?.contains($0) ?? true)
        }
        let appearances = shown.map { NodeAppearance.forKind(graph.nodes[$0].kind) }
        let texts = shown.map { v -> String in
            let node = graph.nodes[v]
            return labels == .identifiers || node.name.isEmpty ? node.id : node.name
        }
        let sizes = shown.indices.map { i -> (width: Double, height: Double) in
            let w = TextMetrics.width(of: texts[i], fontSize: fontSize) + 22 + appearances[i].extraWidth
            return (max(56, w), appearances[i].shape == .ellipse ? nodeHeight + 4 : nodeHeight)
        }
        let layout = LayeredLayout(sizes: sizes,
            edges: shownEdges.map { (local[graph.source(ofEdge: $0)], local[graph.target(ofEdge: $0)]) },
            options: layoutOptions)

        let highlighting = !highlightedEdges.isEmpty || !highlightedNodes.isEmpty
        var litNodes = highlightedNodes
        for e in highlightedEdges where e >= 0 && e < graph.edgeCount {
            litNodes.insert(graph.source(ofEdge: e))
            litNodes.insert(graph.target(ofEdge: e))
        }

        // Legend and canvas.
        var kindsSeen: [NodeAppearance] = []
        for appearance in appearances where !kindsSeen.contains(appearance) { kindsSeen.append(appearance) }
        var entries = kindsSeen.map { appearance in
            Legend.Entry(label: appearance.title, swatch: .custom([
                appearance.outline(cx: 0, cy: 0, width: 24, height: 13, strokeWidth: 1)
            ]))
        }
        entries.append(Legend.Entry(label: "activates", swatch: .custom(Self.legendEdge(.activates))))
        entries.append(Legend.Entry(label: "inhibits", swatch: .custom(Self.legendEdge(.inhibits))))
        let legend = Legend(title: nil, entries: showLegend ? entries : [], style: style)
        let legendSize = legend.size

        let pad = style.outerPadding + 6
        let selfLoopRoom = 34.0
        let origin = LayoutPoint(x: pad, y: pad + (title == nil ? 0 : style.titleSize + 16))
        let diagramWidth = layout.width + selfLoopRoom
        let width = max(origin.x + diagramWidth + (legendSize.width > 0 ? legendSize.width + 28 : 0) + pad,
            title.map { TextMetrics.width(of: $0, fontSize: style.titleSize, bold: true) + 2 * pad } ?? 0)
        let height = origin.y + max(layout.height, legendSize.height) + pad

        var document = SVGDocument(width: width, height: height, fontFamily: style.fontFamily)
        for definition in Self.markerDefinitions { document.define(definition) }

        func center(_ i: Int) -> LayoutPoint {
            LayoutPoint(x: origin.x + layout.centers[i].x, y: origin.y + layout.centers[i].y)
        }

        // Ports: spread the edge ends over the top and bottom sides of each node.
        var sideLists = [[(edge: Int, isStart: Bool, otherX: Double)]](repeating: [], count: shown.count * 2)
        for (k, e) in shownEdges.enumerated() {
            let route = layout.routes[k]
            guard route.count >= 2 else { continue }
            let s = local[graph.source(ofEdge: e)]
            let t = local[graph.target(ofEdge: e)]
            let down = route[1].y > route[0].y
            sideLists[s * 2 + (down ? 1 : 0)].append((k, true, route[1].x))
            let inDown = route[route.count - 1].y > route[route.count - 2].y
            sideLists[t * 2 + (inDown ? 0 : 1)].append((k, false, route[route.count - 2].x))
        }
        var starts = [LayoutPoint?](repeating: nil, count: shownEdges.count)
        var ends = [LayoutPoint?](repeating: nil, count: shownEdges.count)
        for (slot, list) in sideLists.enumerated() where !list.isEmpty {
            let node = slot / 2
            let bottom = slot % 2 == 1
            let c = center(node)
            let (w, h) = sizes[node]
            let span = w * 0.56
            let sorted = list.enumerated().sorted { $0.element.otherX != $1.element.otherX
                ? $0.element.otherX < $1.element.otherX : $0.offset < $1.offset }
            for (rank, item) in sorted.enumerated() {
                let dx = list.count == 1 ? 0 : span * (Double(rank) / Double(list.count - 1) - 0.5)
                let dy = appearances[node].halfHeight(at: dx, width: w, height: h) + (item.element.isStart ? 0 : 2)
                let point = LayoutPoint(x: c.x + dx, y: c.y + (bottom ? dy : -dy))
                if item.element.isStart { starts[item.element.edge] = point } else { ends[item.element.edge] = point }
            }
        }

        var edgeElements: [SVGElement] = []
        for (k, e) in shownEdges.enumerated() {
            let edge = graph.edges[e]
            let lit = highlightedEdges.contains(e)
            let route = layout.routes[k].map { LayoutPoint(x: origin.x + $0.x, y: origin.y + $0.y) }
            var d: String
            if route.count < 2 {
                let i = local[graph.source(ofEdge: e)]
                let c = center(i)
                let r = c.x + sizes[i].width / 2
                d = "M\(f(r - 6)) \(f(c.y - sizes[i].height / 2)) C\(f(r + 28)) \(f(c.y - 30)) \(f(r + 30)) \(f(c.y + 24)) \(f(r + 2)) \(f(c.y + 8))"
            } else {
                var points = route
                if let start = starts[k] { points[0] = start }
                if let end = ends[k] { points[points.count - 1] = end }
                d = Self.smoothPath(points)
            }
            let inhibits = edge.sign == .inhibits
            var path = SVGElement("path", ["class": "edge \(edge.sign.rawValue)" + (lit ? " highlighted" : ""), "d": d,
                "fill": "none"])
            path.set("stroke", (inhibits ? Self.inhibitionColor : Self.activationColor).hex)
            path.set("stroke-width", lit ? 3 : 1.4)
            path.set("marker-end", "url(#\(inhibits ? "tee" : "arrow")\(lit ? "-bold" : ""))")
            if highlighting && !lit { path.set("opacity", "0.25") }
            path.append(SVGElement("title", text: "\(edge.source) \(edge.sign.arrow) \(edge.target) (\(edge.mechanism))"))
            edgeElements.append(path)
        }
        document.append(Draw.group("edges", edgeElements))

        var nodeElements: [SVGElement] = []
        for (i, v) in shown.enumerated() {
            let node = graph.nodes[v]
            let c = center(i)
            let lit = litNodes.contains(v)
            var group = SVGElement("g", ["class": "node" + (lit && highlighting ? " highlighted" : ""), "data-id": node.id])
            if highlighting && !lit { group.set("opacity", "0.35") }
            group.append(SVGElement("title", text: "\(node.id): \(node.name) [\(node.kind)]"))
            var outline = appearances[i].outline(cx: c.x, cy: c.y, width: sizes[i].width, height: sizes[i].height,
                strokeWidth: lit && highlighting ? 2.6 : 1.2)
            if lit && highlighting { outline.set("stroke", style.textColor.hex) }
            group.append(outline)
            group.append(Draw.text(texts[i], x: c.x, y: c.y + fontSize * 0.35, size: fontSize, color: style.textColor,
                anchor: "middle", bold: lit && highlighting))
            nodeElements.append(group)
        }
        document.append(Draw.group("nodes", nodeElements))
        if let title {
            document.append(Draw.text(title, x: pad, y: pad + style.titleSize, size: style.titleSize,
                color: style.textColor, bold: true))
        }
        if legendSize.width > 0 {
            document.append(legend.render(x: width - pad - legendSize.width, y: origin.y))
        }
        return document
    }

    private func f(_ value: Double) -> String { SVGNumber.format(value) }

    /// A Catmull–Rom spline through the points as cubic Bézier segments; phantom points straight
    /// above/below the ends make the edge leave and enter its nodes vertically.
    static func smoothPath(_ points: [LayoutPoint]) -> String {
        func f(_ value: Double) -> String { SVGNumber.format(value) }
        guard let first = points.first, let last = points.last, points.count >= 2 else { return "" }
        let lead = points[1].y > first.y ? -1.0 : 1.0
        let tail = last.y > points[points.count - 2].y ? 1.0 : -1.0
        let reach = 40.0
        let extended = [LayoutPoint(x: first.x, y: first.y + lead * reach)] + points
            + [LayoutPoint(x: last.x, y: last.y + tail * reach)]
        var d = "M\(f(first.x)) \(f(first.y))"
        for j in 1..<(extended.count - 2) {
            let (p0, p1, p2, p3) = (extended[j - 1], extended[j], extended[j + 1], extended[j + 2])
            // The end segments keep their outer control point straight above/below the node.
            let c1 = LayoutPoint(x: j == 1 ? p1.x : p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6)
            let c2 = LayoutPoint(x: j == extended.count - 3 ? p2.x : p2.x - (p3.x - p1.x) / 6,
                y: p2.y - (p3.y - p1.y) / 6)
            d += " C\(f(c1.x)) \(f(c1.y)) \(f(c2.x)) \(f(c2.y)) \(f(p2.x)) \(f(p2.y))"
        }
        return d
    }

    private static func legendEdge(_ sign: Sign) -> [SVGElement] {
        let inhibits = sign == .inhibits
        var path = SVGElement("path", ["d": "M-12 0 L9 0", "fill": "none"])
        path.set("stroke", (inhibits ? inhibitionColor : activationColor).hex)
        path.set("stroke-width", 1.4)
        path.set("marker-end", inhibits ? "url(#tee)" : "url(#arrow)")
        return [path]
    }

    /// Arrowheads and tee bars, normal and bold, in the sign colours.
    static var markerDefinitions: [SVGElement] {
        func marker(_ id: String, _ color: RGBColor, tee: Bool, scale: Double) -> SVGElement {
            var m = SVGElement("marker", ["id": id, "markerUnits": "userSpaceOnUse", "orient": "auto"])
            if tee {
                m.set("viewBox", "0 0 4 14")
                m.set("refX", "2")
                m.set("refY", "7")
                m.set("markerWidth", 3 * scale)
                m.set("markerHeight", 13 * scale)
                m.append(SVGElement("rect", ["x": "0", "y": "0", "width": "4", "height": "14", "fill": color.hex]))
            } else {
                m.set("viewBox", "0 0 10 10")
                m.set("refX", "9")
                m.set("refY", "5")
                m.set("markerWidth", 9 * scale)
                m.set("markerHeight", 9 * scale)
                m.append(SVGElement("path", ["d": "M0 0.5 L10 5 L0 9.5 z", "fill": color.hex]))
            }
            return m
        }
        return [
            marker("arrow", activationColor, tee: false, scale: 1),
            marker("tee", inhibitionColor, tee: true, scale: 1),
            marker("arrow-bold", activationColor, tee: false, scale: 1.35),
            marker("tee-bold", inhibitionColor, tee: true, scale: 1.3),
        ]
    }
}
