/// A model that cannot be written in a format without losing meaning (for example a multi-valued
/// model in a Boolean-only format).
public struct ModelWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The format that was asked for, e.g. `"bnet"`.
    public var format: String
    /// What cannot be written and what to do instead.
    public var message: String

    /// Creates an error.
    public init(format: String, message: String) {
        self.format = format
        self.message = message
    }

    /// `cannot write bnet: MESSAGE`.
    public var description: String { "cannot write \(format): \(message)" }
}
