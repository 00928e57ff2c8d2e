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

    /// Decodes a graph. Syntax errors name the line and column (an empty file or bytes that are
    /// not UTF-8 say so), shape errors the JSON path, validation errors every problem.
    ///
    /// - Throws: ``ModelReadError`` or ``GraphValidationError``.
    public static func read(_ data: Data, file: String? = nil) throws -> MechanismGraph {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw try syntaxError(in: data, file: file) ?? describe(error, file: file)
            }
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
        let graph: MechanismGraph
        do {
            graph = try builder.build()
        } catch {
            throw error.inFile(file)
        }
        return graph
    }

    /// The located syntax error of a document `JSONDecoder` rejected as a whole: an empty file,
    /// bytes that are not UTF-8 (thrown), or the line and column of the first JSON syntax error.
    static func syntaxError(in data: Data, file: String?) throws -> ModelReadError? {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return ModelReadError(file: file, line: 1, column: 1,
                message: "the file is empty; expected a JSON object {\"format\": \"\(formatName)\", ...}")
        }
        _ = try ModelFormat.utf8Text(data, file: file)
        guard let (offset, message) = JSONSyntax.firstError(in: data) else { return nil }
        let (line, column) = JSONSyntax.lineAndColumn(of: offset, in: data)
        return ModelReadError(file: file, line: line, column: column, message: "invalid JSON: \(message)")
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
