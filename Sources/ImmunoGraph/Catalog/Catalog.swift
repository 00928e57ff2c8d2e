import Foundation

/// The models that ship with the package, loadable as `builtin:NAME`.
///
/// Each is data: `Sources/ImmunoGraph/Catalog/Models/NAME.json` in the package's JSON format
/// (``JSONFormat``), embedded by `Scripts/generate-builtin-models.py` (run it with `--check` to
/// verify that the embedded text and the seed-record evidence are up to date).
public enum Catalog {
    /// Built-in models by name.
    public static let models: [String: @Sendable () throws -> MechanismGraph] = [
        "flagship": { try flagship() },
        "tme": { try tumourMicroenvironment() },
    ]

    /// A 12-node signed graph of the flagship story: PD-1 blockade releases T-cell activation,
    /// IFN-γ then induces PD-L1, and activated T cells raise TIM-3 — two negative feedback loops
    /// that a second blockade (anti-TIM-3, anti-PD-L1) can cut.
    ///
    /// Loadable as `builtin:flagship`. The full tumour-microenvironment model is `builtin:tme`.
    ///
    /// - Throws: ``GraphValidationError`` only if the embedded data were corrupted; the shipped
    ///   model builds cleanly.
    public static func flagship() throws -> MechanismGraph {
        try builtin("flagship")
    }

    /// The built-in tumour-microenvironment model, loadable as `builtin:tme`, assembled from the
    /// four seed papers curated in `seeds/` (targeted alpha therapy, IL-12, IL-21, checkpoint
    /// blockade and adaptive resistance). Its nodes, edges, parameters and backgrounds are
    /// described in `Guides/CatalogModel.md`.
    ///
    /// Every edge cites at least one record of `seeds/` and the graph is built with
    /// `requireEvidence: true`.
    ///
    /// - Throws: ``GraphValidationError`` if an edge cites a record that `seeds/` does not
    ///   contain, or any build error; the shipped model builds cleanly.
    public static func tumourMicroenvironment() throws -> MechanismGraph {
        try builtin("tme")
    }

    /// Decodes the embedded JSON of model `name` and builds it with evidence required.
    static func builtin(_ name: String) throws -> MechanismGraph {
        let file = "builtin:\(name)"
        guard let text = builtinModelJSON[name] else {
            throw ModelReadError(file: file, path: "", message: "no built-in model named '\(name)'")
        }
        return try build(json: text, file: file)
    }

    /// Builds a catalog model from its JSON text: evidence required, every cited record known.
    static func build(json text: String, file: String) throws -> MechanismGraph {
        let document: JSONFormat.Document
        do {
            document = try JSONDecoder().decode(JSONFormat.Document.self, from: Data(text.utf8))
        } catch {
            throw ModelReadError(file: file, path: "", message: "the embedded model does not decode: \(error)")
        }
        var builder = GraphBuilder(name: document.name)
        for node in document.nodes { builder.add(node) }
        for edge in document.edges { builder.add(edge) }
        for background in document.backgrounds ?? [] { builder.add(background) }
        var unknown: [Diagnostic] = []
        for edge in document.edges {
            for evidence in edge.evidence {
                guard let id = evidence.record else { continue }
                if seedRecordsByID[id] == nil {
                    unknown.append(
                        Diagnostic(.error, code: "unknown-record", subject: edge.arrowDescription,
                            message: "cites record '\(id)', which is not in seeds/"))
                }
            }
        }
        guard unknown.isEmpty else { throw GraphValidationError(problems: unknown) }
        return try builder.build(requireEvidence: true)
    }
}
