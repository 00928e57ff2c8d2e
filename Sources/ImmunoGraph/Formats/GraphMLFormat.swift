/// Writes GraphML (yEd, Cytoscape, Gephi, networkx) with node `name`, `kind`, `compartment`,
/// `rule` and edge `sign`, `mechanism`, `weight`, `evidenceCount`, `dois` and `evidence`
/// (paraphrases, `|`-separated) attributes.
public enum GraphMLFormat {
    /// The GraphML text of `graph`.
    public static func write(_ graph: MechanismGraph) -> String {
        func esc(_ text: String) -> String { XMLText.escape(text) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        let nodeKeys = [("name", "string"), ("kind", "string"), ("compartment", "string"), ("maxLevel", "int"), ("rule", "string")]
        let edgeKeys = [("sign", "string"), ("mechanism", "string"), ("weight", "double"), ("evidenceCount", "int"),
            ("dois", "string"), ("evidence", "string")]
        for (key, type) in nodeKeys { out += "  <key id=\"n_\(key)\" for=\"node\" attr.name=\"\(key)\" attr.type=\"\(type)\"/>\n" }
        for (key, type) in edgeKeys { out += "  <key id=\"e_\(key)\" for=\"edge\" attr.name=\"\(key)\" attr.type=\"\(type)\"/>\n" }
        out += "  <graph id=\"\(esc(graph.name))\" edgedefault=\"directed\">\n"
        for node in graph.nodes {
            out += "    <node id=\"\(esc(node.id))\">"
            out += "<data key=\"n_name\">\(esc(node.name))</data><data key=\"n_kind\">\(esc(node.kind.rawValue))</data>"
            if let c = node.compartment { out += "<data key=\"n_compartment\">\(esc(c))</data>" }
            out += "<data key=\"n_maxLevel\">\(node.maxLevel)</data>"
            if let rule = node.rule { out += "<data key=\"n_rule\">\(esc(rule.description))</data>" }
            out += "</node>\n"
        }
        for (k, edge) in graph.edges.enumerated() {
            out += "    <edge id=\"e\(k)\" source=\"\(esc(edge.source))\" target=\"\(esc(edge.target))\">"
            out += "<data key=\"e_sign\">\(edge.sign.rawValue)</data><data key=\"e_mechanism\">\(esc(edge.mechanism.rawValue))</data>"
            out += "<data key=\"e_weight\">\(edge.weight)</data><data key=\"e_evidenceCount\">\(edge.evidence.count)</data>"
            let dois = edge.evidence.compactMap(\.source.doi)
            if !dois.isEmpty { out += "<data key=\"e_dois\">\(esc(dois.joined(separator: " ")))</data>" }
            if !edge.evidence.isEmpty {
                out += "<data key=\"e_evidence\">\(esc(edge.evidence.map(\.paraphrase).joined(separator: " | ")))</data>"
            }
            out += "</edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }
}
