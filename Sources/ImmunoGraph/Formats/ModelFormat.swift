import Foundation

/// The model file formats this package reads, chosen by file extension or a `builtin:` prefix.
public enum ModelFormat: String, Sendable, CaseIterable {
    /// The package's own JSON (`.json`).
    case json
    /// bnet (`.bnet`, BoolNet's `.bn`; BoolNet `.txt` with `--input-format bnet`).
    case bnet
    /// SBML-qual (`.sbml`, `.xml`).
    case sbml
    /// Simple Interaction Format (`.sif`); signs only, rules derived by the engines.
    case sif
    /// MaBoSS (`.bnd`, with the `.cfg` beside it when present); see ``MaBoSSReader`` for the rates.
    case maboss

    /// The format for a path's extension, or `nil` when the extension is not a model format.
    public static func forPath(_ path: String) -> ModelFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": return .json
        case "bnet", "bn": return .bnet
        case "sbml", "xml": return .sbml
        case "sif": return .sif
        case "bnd": return .maboss
        default: return nil
        }
    }

    /// Reads `data` in this format.
    ///
    /// - Throws: ``ModelReadError`` or ``GraphValidationError``.
    public func read(_ data: Data, name: String, file: String?) throws -> MechanismGraph {
        do {
            return try readUnattributed(data, name: name, file: file)
        } catch let error as GraphValidationError {
            throw error.inFile(file)
        }
    }

    private func readUnattributed(_ data: Data, name: String, file: String?) throws -> MechanismGraph {
        switch self {
        case .json:
            return try JSONFormat.read(data, file: file)
        case .sbml:
            return try SBMLQualReader.read(data, name: name, file: file)
        case .maboss:
            let text = try Self.utf8Text(data, file: file)
            guard let file else { return try MaBoSSReader.read(bnd: text, name: name).graph }
            let beside = (file as NSString).deletingPathExtension + ".cfg"
            let cfg = FileManager.default.fileExists(atPath: beside) ? try Data(contentsOf: URL(fileURLWithPath: beside)) : nil
            return try MaBoSSReader.read(bnd: text, cfg: try cfg.map { try Self.utf8Text($0, file: beside) }, name: name,
                                         bndFile: file, cfgFile: cfg == nil ? nil : beside).graph
        case .bnet, .sif:
            let text = try Self.utf8Text(data, file: file)
            return self == .bnet
                ? try BnetFormat.read(text, name: name, file: file) : try SIFFormat.read(text, name: name, file: file)
        }
    }
}

extension ModelFormat {
    /// Decodes UTF-8 text, or throws naming the line and column of the first invalid byte.
    /// A leading UTF-8 byte order mark is dropped (editors on Windows write one).
    public static func utf8Text(_ data: Data, file: String?) throws -> String {
        if let text = String(validating: data, as: UTF8.self) { return text.droppingByteOrderMark }
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == 10 {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                throw ModelReadError(file: file, line: line, column: column, message: "the file is not UTF-8 text (invalid byte sequence here)")
            case .emptyInput:
                throw ModelReadError(file: file, line: line, column: column, message: "the file is not UTF-8 text")
            }
        }
    }
}

/// Loads models from files or the built-in catalog by name.
public enum ModelLoader {

    /// Loads a model from `reference`: a file path whose extension selects the format (`.json`,
    /// `.bnet`, `.sbml`, `.xml`, `.sif`), or `builtin:NAME`.
    ///
    /// - Throws: ``ModelReadError`` (unreadable file, unknown extension, syntax errors) or
    ///   ``GraphValidationError``.
    public static func load(_ reference: String) throws -> MechanismGraph {
        try load(reference, format: nil)
    }

    /// Loads a model from `reference` in `format`, whatever its extension (a BoolNet `.txt` file
    /// read as bnet); `nil` chooses by extension as ``load(_:)`` does.
    ///
    /// - Throws: ``ModelReadError`` or ``GraphValidationError``.
    public static func load(_ reference: String, format override: ModelFormat?) throws -> MechanismGraph {
        if reference.hasPrefix("builtin:") {
            let name = String(reference.dropFirst("builtin:".count))
            guard let make = builtinModels[name] else {
                let known = builtinModels.keys.sorted().map { "builtin:\($0)" }.joined(separator: ", ")
                throw ModelReadError(file: reference,
                    message: "no built-in model '\(name)'" + (known.isEmpty ? "" : "; known: \(known)"))
            }
            return try make()
        }
        guard let format = override ?? ModelFormat.forPath(reference) else {
            throw ModelReadError(file: reference,
                message: "cannot tell the format from the extension; expected one of .json, .bnet, .bn, .sbml, .xml, .sif, .bnd, "
                    + "or builtin:NAME (or name the format: --input-format bnet|sbml|json|sif)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: reference))
        } catch {
            throw ModelReadError(file: reference, message: "cannot read the file: \(error.localizedDescription)")
        }
        let name = ((reference as NSString).lastPathComponent as NSString).deletingPathExtension
        return try format.read(data, name: name, file: reference)
    }

    /// The built-in models, by name.
    public static var builtinModels: [String: @Sendable () throws -> MechanismGraph] {
        Catalog.models
    }
}

extension String {
    /// The text without a leading byte order mark (U+FEFF), which is never part of a name.
    var droppingByteOrderMark: String {
        unicodeScalars.first == "\u{FEFF}" ? String(unicodeScalars.dropFirst()) : self
    }
}
