import Foundation

/// The model file formats this package reads, chosen by file extension or a `builtin:` prefix.
public enum ModelFormat: String, Sendable, CaseIterable {
    /// The package's own JSON (`.json`).
    case json
    /// bnet (`.bnet`).
    case bnet

    /// The format for a path's extension, or `nil` when the extension is not a model format.
    public static func forPath(_ path: String) -> ModelFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": return .json
        case "bnet": return .bnet
        default: return nil
        }
    }
}

/// Loads models from files or the built-in catalog by name.
public enum ModelLoader {

    /// Loads a model from `reference`: a file path whose extension selects the format, or
    /// `builtin:NAME`.
    ///
    /// - Throws: ``ModelReadError`` (unreadable file, unknown extension, syntax errors) or
    ///   ``GraphValidationError``.
    public static func load(_ reference: String) throws -> MechanismGraph {
        if reference.hasPrefix("builtin:") {
            let name = String(reference.dropFirst("builtin:".count))
            guard let make = builtinModels[name] else {
                let known = builtinModels.keys.sorted().map { "builtin:\($0)" }.joined(separator: ", ")
                throw ModelReadError(file: reference,
                    message: "no built-in model '\(name)'" + (known.isEmpty ? "" : "; known: \(known)"))
            }
            return try make()
        }
        guard let format = ModelFormat.forPath(reference) else {
            throw ModelReadError(file: reference,
                message: "cannot tell the format from the extension; expected one of .json, .bnet, or builtin:NAME")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: reference))
        } catch {
            throw ModelReadError(file: reference, message: "cannot read the file: \(error.localizedDescription)")
        }
        let name = ((reference as NSString).lastPathComponent as NSString).deletingPathExtension
        switch format {
        case .json:
            return try JSONFormat.read(data, file: reference)
        case .bnet:
            guard let text = String(data: data, encoding: .utf8) else {
                throw ModelReadError(file: reference, message: "the file is not UTF-8 text")
            }
            return try BnetFormat.read(text, name: name, file: reference)
        }
    }

    /// The built-in models, by name.
    public static var builtinModels: [String: @Sendable () throws -> MechanismGraph] {
        Catalog.models
    }
}
