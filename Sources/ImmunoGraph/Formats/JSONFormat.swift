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

    /// Decodes a graph; syntax and shape errors name the JSON path, validation errors every problem.
    ///
    /// - Throws: ``ModelReadError`` or ``GraphValidationError``.
    public static func read(_ data: Data, file: String? = nil) throws -> MechanismGraph {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, file: file)
        }
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
        return try builder.build()
    }

    static func describe(_ error: DecodingError, file: String?) -> ModelReadError {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "$" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ModelReadError(file: file, path: path(context.codingPath),
                message: "missing required key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return ModelReadError(file: file, path: path(context.codingPath),
                message: "expected a value of type \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return ModelReadError(file: file, path: path(context.codingPath), message: "expected \(type), found null")
        case .dataCorrupted(let context):
            var message = context.debugDescription
            if let underlying = context.underlyingError { message += " (\(underlying.localizedDescription))" }
            return ModelReadError(file: file, path: path(context.codingPath), message: message)
        @unknown default:
            return ModelReadError(file: file, message: "\(error)")
        }
    }
}
