import Foundation

/// The package's own lossless JSON format: nodes, edges with evidence, kinds, rules, backgrounds.
///
/// ```json
/// {"format": "immunograph", "version": 1, "name": "toy",
///  "nodes": [{"id": "IFNG", "kind": "cytokine"}, {"id": "PDL1", "kind": "checkpointLigand"}],
///  "edges": [{"source": "IFNG", "target": "PDL1", "sign": "activates",
///             "mechanism": "inducesExpression"}]}
/// ```
public enum JSONFormat {
    /// The value of the `"format"` field.
    public static let formatName = "immunograph"
    /// The version this package writes and reads.
    public static let version = 1

    struct Document: Codable {
        var format: String
        var version: Int
        var name: String
        var nodes: [Node]
        var edges: [Edge]
        var backgrounds: [Background]?

        init(format: String, version: Int, name: String, nodes: [Node], edges: [Edge], backgrounds: [Background]?) {
            self.format = format
            self.version = version
            self.name = name
            self.nodes = nodes
            self.edges = edges
            self.backgrounds = backgrounds
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case format, version, name, nodes, edges, backgrounds }

        /// Decodes the document; unknown keys are refused, at any level, so nothing is dropped.
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(CodingKeys.self)
            self.init(
                format: try c.decode(String.self, forKey: .format), version: try c.decode(Int.self, forKey: .version),
                name: try c.decode(String.self, forKey: .name), nodes: try c.decode([Node].self, forKey: .nodes),
                edges: try c.decode([Edge].self, forKey: .edges),
                backgrounds: try c.decodeIfPresent([Background].self, forKey: .backgrounds))
        }
    }

    /// Encodes `graph` as pretty-printed JSON with sorted keys.
    public static func write(_ graph: MechanismGraph) throws -> Data {
        let document = Document(
            format: formatName, version: version, name: graph.name, nodes: graph.nodes, edges: graph.edges,
            backgrounds: graph.backgrounds.isEmpty ? nil : graph.backgrounds)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    /// Decodes a graph. Syntax errors name the line and column (an empty file or bytes that are
    /// not UTF-8 say so), shape errors the JSON path, validation errors every problem.
    ///
    /// - Throws: ``ModelReadError`` or ``GraphValidationError``.
    public static func read(_ data: Data, file: String? = nil) throws -> MechanismGraph {
        let document = try JSONDocument.decode(
            Document.self, from: data, file: file, expected: "a JSON object {\"format\": \"\(formatName)\", ...}")
        guard document.format == formatName else {
            throw ModelReadError(file: file, path: "format",
                message: "expected \"\(formatName)\", found \"\(document.format)\"")
        }
        guard document.version == version else {
            throw ModelReadError(file: file, path: "version",
                message: "version \(document.version) is not supported (this reader reads version \(version))")
        }
        var builder = GraphBuilder(name: document.name)
        for node in document.nodes { builder.add(node) }
        for edge in document.edges { builder.add(edge) }
        for background in document.backgrounds ?? [] { builder.add(background) }
        let graph: MechanismGraph
        do {
            graph = try builder.build()
        } catch {
            throw error.inFile(file)
        }
        return graph
    }
}
