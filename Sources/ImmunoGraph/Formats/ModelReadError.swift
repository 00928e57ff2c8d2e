/// A model file that could not be read, located by line and column or by a structural path
/// (a JSON path such as `nodes[3].kind`, or an XML element path).
public struct ModelReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name, when the input came from a file.
    public var file: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// A structural location (JSON path or XML element path), when there is no line.
    public var path: String?
    /// What was wrong and what was expected.
    public var message: String

    /// Creates an error.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// The same error attributed to `file`.
    public func inFile(_ file: String?) -> ModelReadError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    /// `file:line:column: message`, or `file: at PATH: message`.
    public var description: String {
        var location = file ?? "<input>"
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        if let path { location += ": at \(path)" }
        return "\(location): \(message)"
    }
}
