import Foundation

/// Decodes JSON documents (models, hypothesis files, screen results) with errors in our words,
/// each placed by line, column and JSON path: `hyp.json:7:18: at hypotheses[0].steps: expected an
/// integer, found "ten"`.
///
/// A UTF-8 byte order mark is accepted; an empty file, bytes that are not UTF-8 and syntax errors
/// are located; `Codable`'s own texts ("Cannot initialize Sign from invalid String value …") and
/// Foundation error codes never reach the user: a bad enumeration value names the allowed values
/// (from ``vocabulary`` or the caller's), and echoed input is cut to 40 characters.
public enum JSONDocument {
    /// Allowed values of the model's enumerations, by Swift type name, for "expected one of".
    public static let vocabulary: [String: [String]] = [
        "Sign": Sign.allCases.map(\.rawValue),
        "EvidenceStrength": EvidenceStrength.allCases.map(\.rawValue),
    ]

    /// Decodes `type` from `data`.
    ///
    /// - Parameters:
    ///   - type: the type to decode.
    ///   - data: the document's bytes.
    ///   - file: the file name for messages.
    ///   - expected: what the document should be, for an empty file (`"a JSON object"`).
    ///   - extra: allowed values of further enumerations, by Swift type name (label `vocabulary`).
    /// - Throws: ``ModelReadError`` with line, column and JSON path.
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, file: String?, expected: String = "a JSON object",
        vocabulary extra: [String: [String]] = [:]
    ) throws(ModelReadError) -> T {
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ModelReadError(file: file, line: 1, column: 1, message: "the file is empty; expected \(expected)")
        }
        do {
            _ = try ModelFormat.utf8Text(data, file: file)
        } catch let error as ModelReadError {
            throw error
        } catch {
            throw ModelReadError(file: file, message: "the file is not UTF-8 text")
        }
        if let (offset, message) = JSONSyntax.firstError(in: data) {
            let (line, column) = JSONSyntax.lineAndColumn(of: offset, in: data)
            throw ModelReadError(file: file, line: line, column: column, message: "invalid JSON: \(message)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                // Syntax is valid (checked above): Foundation refused the nesting depth.
                let (depth, offset) = deepest(data)
                let (line, column) = JSONSyntax.lineAndColumn(of: offset, in: data)
                throw ModelReadError(file: file, line: line, column: column,
                    message: "the document nests \(depth) levels deep here; JSON documents are read to a depth of \(JSONDocument.maximumDepth)")
            }
            throw describe(error, in: data, file: file, vocabulary: vocabulary.merging(extra) { a, _ in a })
        } catch let error as ModelReadError {
            throw error.inFile(file)
        } catch {
            throw ModelReadError(file: file, message: "\(error)")
        }
    }

    /// The nesting depth Foundation's `JSONDecoder` reads (deeper documents are refused, located).
    public static let maximumDepth = 512

    /// The deepest nesting of `data` and the offset where it is first reached (strings skipped).
    static func deepest(_ data: Data) -> (depth: Int, offset: Int) {
        var depth = 0, best = 0, at = 0, inString = false, escaped = false
        for (k, c) in data.enumerated() {
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch c {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > best { best = depth; at = k }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return (best, at)
    }

    /// Rewrites a `DecodingError` of `data` in our words, located by line, column and JSON path.
    public static func describe(
        _ error: DecodingError, in data: Data, file: String?, vocabulary: [String: [String]] = vocabulary
    ) -> ModelReadError {
        let bytes = [UInt8](data)
        func located(_ codingPath: [any CodingKey], _ message: String) -> ModelReadError {
            let path = jsonPath(codingPath)
            guard let offset = JSONLocator.offset(of: JSONLocator.steps(codingPath), in: bytes) else {
                return ModelReadError(file: file, path: path, message: message)
            }
            let (line, column) = JSONSyntax.lineAndColumn(of: offset, in: data)
            return ModelReadError(file: file, line: line, column: column, path: path, message: message)
        }
        func found(_ codingPath: [any CodingKey]) -> String {
            guard let offset = JSONLocator.offset(of: JSONLocator.steps(codingPath), in: bytes) else { return "" }
            return ", found \(JSONLocator.excerpt(at: offset, in: bytes))"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return located(context.codingPath, "missing required key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return located(context.codingPath, "expected \(kindName(type))\(found(context.codingPath))")
        case .valueNotFound(let type, let context):
            return located(context.codingPath, "expected \(kindName(type)), found null")
        case .dataCorrupted(let context):
            return located(context.codingPath, ourWords(context.debugDescription, vocabulary: vocabulary))
        @unknown default:
            return ModelReadError(file: file, message: "the document does not have the expected shape")
        }
    }

    /// `nodes[3].kind`, or `$` for the document itself.
    public static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "$" : text
    }

    /// A Swift type as a JSON reader would say it.
    static func kindName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Int", "Int32", "Int64", "UInt64", "UInt32": return "an integer"
        case "Double", "Float": return "a number"
        case "Bool": return "true or false"
        default:
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list [...]" }
            if name.hasPrefix("Dictionary") || name.contains("KeyedDecodingContainer") { return "an object {...}" }
            return "a value of kind \(name)"
        }
    }

    /// Codable's texts rewritten: a bad enumeration value names the allowed values; numbers
    /// that do not fit say so; Foundation error codes are dropped.
    static func ourWords(_ text: String, vocabulary: [String: [String]]) -> String {
        // "Cannot initialize Sign from invalid String value activate"
        let prefix = "Cannot initialize "
        if text.hasPrefix(prefix), let from = text.range(of: " from invalid "), let value = text.range(of: " value ") {
            let type = String(text[text.index(text.startIndex, offsetBy: prefix.count)..<from.lowerBound])
            let given = String(text[value.upperBound...])
            let cut = given.count <= 40 ? given : String(given.prefix(37)) + "..."
            let allowed = vocabulary[type].map { "; expected one of: \($0.joined(separator: ", "))" } ?? ""
            return "'\(cut)' is not a valid \(type.lowercased())\(allowed)"
        }
        if text.contains("does not fit in") || text.contains("is not representable") {
            return "the number does not fit: \(text.prefix(80))"
        }
        if let code = text.range(of: " (NSCocoaErrorDomain") ?? text.range(of: " (error ") {
            return String(text[..<code.lowerBound])
        }
        return text.count <= 200 ? text : String(text.prefix(197)) + "..."
    }
}

/// Unknown keys in a JSON object are errors: a misspelled key must not be ignored silently.
public enum JSONKeys {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Throws a `DecodingError` at the first key of the object `decoder` holds that is not in
    /// `allowed`, with the nearest allowed key as a suggestion ("did you mean 'robustness'?").
    public static func rejectUnknown(in decoder: any Decoder, allowed: [String], object: String) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [key],
                debugDescription: unknownKeyMessage(key.stringValue, allowed: allowed, object: object)))
        }
    }

    /// "unknown key 'robustnes' in a hypothesis; did you mean 'robustness'? (allowed: …)".
    public static func unknownKeyMessage(_ key: String, allowed: [String], object: String) -> String {
        let shown = key.count <= 40 ? key : String(key.prefix(37)) + "..."
        var message = "unknown key '\(shown)' in \(object)"
        if let guess = Suggestion.nearest(to: key, in: allowed) { message += "; did you mean '\(guess)'?" }
        return message + " (allowed: \(allowed.joined(separator: ", ")))"
    }
}

/// The nearest of a set of names, for "did you mean" — the one edit distance of the package
/// (node names, JSON keys, command-line options and commands).
public enum Suggestion {
    /// The candidate closest in edit distance (a swap of two neighbours counts once), ignoring
    /// case, when within half the name's length and less than the whole name; `nil` when none is
    /// close.
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let lower = name.lowercased()
        let limit = max(1, lower.count / 2)
        var best: (String, Int)?
        for candidate in candidates {
            guard let d = distance(lower, candidate.lowercased(), atMost: limit) else { continue }
            if d < lower.count, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
    /// substitutions and swaps of neighbours each count 1), or `nil` when it exceeds `limit`.
    ///
    /// - Complexity: O(|a| · |b|), or O(1) when the lengths alone differ by more than `limit`
    ///   (so a hostile megabyte-long name costs nothing).
    public static func distance(_ a: String, _ b: String, atMost limit: Int) -> Int? {
        let a = Array(a), b = Array(b)
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            before = previous
            previous = current
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
