/// A problem found in a model: an error that stops a build, or a warning the user should read.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The model cannot be built.
        case error
        /// The model builds, but something is probably wrong.
        case warning
    }

    /// How serious the problem is.
    public var severity: Severity
    /// A short machine-readable code, e.g. `"unknown-endpoint"`.
    public var code: String
    /// What the problem is about: a node identifier, or an edge written `A -> B`.
    public var subject: String
    /// What is wrong, in a sentence.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, code: String, subject: String, message: String) {
        self.severity = severity
        self.code = code
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(severity): \(located)" }

    /// `SUBJECT: MESSAGE [CODE]`, without the severity (for a line that already says it).
    public var located: String { "\(subject): \(message) [\(code)]" }
}

/// The error thrown when a graph fails validation: it lists *every* problem, not the first.
public struct GraphValidationError: Error, Sendable, CustomStringConvertible {
    /// All problems found, errors first, in the order they were found.
    public var problems: [Diagnostic]
    /// The file the model was read from, when it came from a file.
    public var file: String?

    /// Creates the error.
    public init(problems: [Diagnostic], file: String? = nil) {
        self.problems = problems
        self.file = file
    }

    /// The same error attributed to `file` (kept when a file is already set).
    public func inFile(_ file: String?) -> GraphValidationError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    /// `FILE: the model has N error(s): FIRST PROBLEM`, then the other problems indented, one per
    /// line — the first line alone says where and what.
    public var description: String {
        let errors = problems.filter { $0.severity == .error }
        var text = (file.map { "\($0): " } ?? "") + "the model has \(errors.count) error(s)"
        guard let first = problems.first else { return text }
        text += ": " + (first.severity == .error ? first.located : first.description)
        let shown = 20
        for problem in problems.dropFirst().prefix(shown - 1) { text += "\n  " + problem.description }
        if problems.count > shown { text += "\n  … and \(problems.count - shown) more (the first \(shown) are shown)" }
        return text
    }
}
