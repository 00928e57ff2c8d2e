/// A subcommand of `immunosim`: its name, help text, options and action.
struct Command: Sendable {
    /// The subcommand's name, e.g. `"info"`.
    var name: String
    /// One line saying what it does.
    var summary: String
    /// The usage line after `immunosim NAME`.
    var usage: String
    /// Options it accepts (`--help` is always accepted).
    var options: [OptionSpec]
    /// Example invocations shown in `--help`.
    var examples: [String]
    /// Runs the command; returns the exit code.
    var run: @Sendable (Arguments) throws -> Int32

    /// The `--help` text.
    var help: String {
        var lines = ["OVERVIEW: \(summary)", "", "USAGE: immunosim \(name) \(usage)", "", "OPTIONS:"]
        for option in options {
            var left = "  --\(option.name)"
            if let short = option.short { left = "  -\(short), --\(option.name)" }
            if let value = option.value { left += " <\(value)>" }
            let padded = left.count < 30 ? left + String(repeating: " ", count: 30 - left.count) : left + "  "
            lines.append(padded + option.help + (option.value == nil ? "" : OptionLimits.helpSuffix(option.name))
                + (option.repeatable ? " (repeatable)" : ""))
        }
        lines.append("  -h, --help                  Show this help.")
        if !examples.isEmpty {
            lines.append("")
            lines.append("EXAMPLES:")
            for example in examples { lines.append("  \(example)") }
        }
        return lines.joined(separator: "\n")
    }
}
