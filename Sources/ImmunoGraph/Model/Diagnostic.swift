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

    public var description: String { "\(severity): \(subject): \(message) [\(code)]" }
}

/// The error thrown when a graph fails validation: it lists *every* problem, not the first.
public struct GraphValidationError: Error, Sendable, CustomStringConvertible {
    /// All problems found, errors first, in the order they were found.
    public var problems: [Diagnostic]

    /// Creates the error.
    public init(problems: [Diagnostic]) { self.problems = problems }

    public var description: String {
        let errors = problems.filter { $0.severity == .error }
        return "the model has \(errors.count) error(s):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
