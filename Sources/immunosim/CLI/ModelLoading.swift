import ImmunoGraph

/// How every command loads its model: ``ImmunoGraph/ModelLoader`` plus the reader's warnings
/// (an undefined bnet name, an SBML sign conflict, a rule that disagrees with its edges) printed
/// on standard error by every command — not only `info` — and, with the global `--strict` flag,
/// turned into an error (exit 1).
///
/// Declared in this module, it is the `ModelLoader` every command's `ModelLoader.load` calls.
enum ModelLoader {
    /// Set by `--strict` (accepted by every command): model warnings are errors.
    nonisolated(unsafe) static var strict = false
    /// Set by `--input-format FMT` (accepted by every command): read model files in this format
    /// whatever their extension (a BoolNet `.txt` as bnet).
    nonisolated(unsafe) static var format: ModelFormat?

    /// The most warnings printed for one model; the rest are counted.
    static let shownWarnings = 20

    /// Loads `reference`, prints its warnings (files only: the built-in models are curated), and
    /// with ``strict`` refuses a model with warnings.
    static func load(_ reference: String) throws -> MechanismGraph {
        let graph = try ImmunoGraph.ModelLoader.load(reference, format: reference.hasPrefix("builtin:") ? nil : format)
        guard !reference.hasPrefix("builtin:") else { return graph }
        let warnings = graph.diagnostics.filter { $0.severity == .warning }
        guard !warnings.isEmpty else { return graph }
        if strict {
            throw CLIError.input("\(reference): \(warnings.count) warning(s) with --strict: \(warnings[0].located)"
                + (warnings.count > 1 ? " (and \(warnings.count - 1) more)" : ""))
        }
        for warning in warnings.prefix(shownWarnings) { printError("warning: \(reference): \(warning.located)") }
        if warnings.count > shownWarnings {
            printError("warning: \(reference): … and \(warnings.count - shownWarnings) more warning(s) (immunosim info shows all)")
        }
        return graph
    }
}
