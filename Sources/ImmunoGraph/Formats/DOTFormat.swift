/// Writes Graphviz DOT: nodes shaped and coloured by kind, activation as an arrow (green),
/// inhibition as a tee (red).
public enum DOTFormat {
    /// The shape and fill colour used for a kind.
    public static func style(of kind: NodeKind) -> (shape: String, color: String) {
        switch kind {
        case .cell: return ("ellipse", "#cfe8ff")
        case .cytokine, .chemokine: return ("diamond", "#fff2b3")
        case .receptor, .checkpointReceptor: return ("hexagon", "#ffd9b3")
        case .checkpointLigand: return ("invhouse", "#ffd9b3")
        case .enzyme, .transcriptionFactor, .pathway: return ("box", "#e6e6e6")
        case .damp, .marker: return ("octagon", "#f0e0ff")
        case .process: return ("box", "#e0ffe0")
        case .phenotype: return ("doubleoctagon", "#ffe0e0")
        case .therapy: return ("box3d", "#b3ffcc")
        default: return ("ellipse", "#ffffff")
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// The DOT text of `graph`.
    public static func write(_ graph: MechanismGraph) -> String {
        var out = "digraph \(quote(graph.name)) {\n  node [style=filled, fontname=\"Helvetica\"];\n"
        for node in graph.nodes {
            let (shape, color) = style(of: node.kind)
            out += "  \(quote(node.id)) [label=\(quote(node.name)), shape=\(shape), fillcolor=\(quote(color)), tooltip=\(quote(node.kind.rawValue))];\n"
        }
        for edge in graph.edges {
            let head = edge.sign == .activates ? "normal" : "tee"
            let color = edge.sign == .activates ? "#2a9d3a" : "#d62828"
            let style = edge.evidence.isEmpty ? ", style=dashed" : ""
            out += "  \(quote(edge.source)) -> \(quote(edge.target)) [arrowhead=\(head), color=\(quote(color)), tooltip=\(quote(edge.mechanism.rawValue))\(style)];\n"
        }
        return out + "}\n"
    }
}
