import ImmunoGraph

/// A command-line error: `usage` exits 2, `input` exits 1.
enum CLIError: Error, CustomStringConvertible {
    /// The arguments are malformed (unknown option, missing value, wrong count).
    case usage(String)
    /// The arguments are well-formed but name bad input (unknown node, unreadable file).
    case input(String)

    var description: String {
        switch self {
        case .usage(let message), .input(let message): return message
        }
    }
}

/// One option a subcommand accepts.
struct OptionSpec: Sendable {
    /// The long name without dashes, e.g. `"knockout"`.
    var name: String
    /// A one-letter short name, e.g. `"o"` for `-o`.
    var short: Character? = nil
    /// The placeholder for its value (`"ID"`), or `nil` for a flag.
    var value: String? = nil
    /// Whether it may be given more than once.
    var repeatable: Bool = false
    /// One line of help.
    var help: String
}

/// Parsed arguments of one subcommand.
struct Arguments: Sendable {
    /// Positional arguments, in order.
    var positionals: [String] = []
    /// Option values by long name, in the order given.
    var values: [String: [String]] = [:]
    /// Flags given.
    var flags: Set<String> = []

    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }
    /// The last value of an option, if given.
    func value(_ name: String) -> String? { values[name]?.last }
    /// All values of a repeatable option.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The value of an integer option, or `defaultValue`; a non-integer, or a value outside the
    /// option's ``OptionLimits`` range, is a usage error naming the option, the limit and why.
    func int(_ name: String, default defaultValue: Int) throws -> Int {
        guard let text = value(name) else { return defaultValue }
        let limit = OptionLimits.integer[name]
        guard let number = Int(text) else {
            let range = limit.map { " in \($0.range.lowerBound)...\($0.range.upperBound)" } ?? ""
            throw CLIError.usage("--\(name) expects an integer\(range), got '\(OptionLimits.echo(text))'")
        }
        if let limit, !limit.range.contains(number) {
            throw CLIError.usage("--\(name) must be in \(limit.range.lowerBound)...\(limit.range.upperBound) (\(limit.why)), got \(number)")
        }
        return number
    }

    /// The value of an integer option that must be at least `minimum`, or `defaultValue`; a
    /// non-integer or a smaller value is a usage error naming the option.
    func int(_ name: String, default defaultValue: Int, atLeast minimum: Int) throws -> Int {
        let number = try int(name, default: defaultValue)
        guard number >= minimum else {
            throw CLIError.usage("--\(name) must be at least \(minimum), got '\(value(name) ?? String(number))'")
        }
        return number
    }

    /// The value of a seed-like option (an unsigned 64-bit integer), or `defaultValue`; a negative,
    /// non-numeric or too large value is a usage error naming the option.
    func uint64(_ name: String, default defaultValue: UInt64) throws -> UInt64 {
        guard let text = value(name) else { return defaultValue }
        guard let number = UInt64(text) else {
            throw CLIError.usage("--\(name) expects a non-negative integer (0...\(UInt64.max)), got '\(text)'")
        }
        return number
    }

    /// The value of a numeric option, or `defaultValue`.
    func double(_ name: String, default defaultValue: Double) throws -> Double {
        guard let text = value(name) else { return defaultValue }
        guard let number = Double(text), number.isFinite else {
            throw CLIError.usage("--\(name) expects a number, got '\(text)'")
        }
        return number
    }

    /// A value that must be one of `choices`.
    func choice(_ name: String, _ choices: [String], default defaultValue: String) throws -> String {
        let chosen = value(name) ?? defaultValue
        guard choices.contains(chosen) else {
            throw CLIError.usage("--\(name) must be one of \(choices.joined(separator: ", ")); got '\(chosen)'")
        }
        return chosen
    }

    /// Parses `words` against `options`, accepting `--name value`, `--name=value`, `-x value`,
    /// flags, and `--` to end options. Unknown options are usage errors with a suggestion.
    static func parse(_ words: [String], options: [OptionSpec]) throws -> Arguments {
        var result = Arguments()
        var i = 0
        var onlyPositionals = false
        while i < words.count {
            let word = words[i]
            i += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" || Double(word) != nil {
                result.positionals.append(word)
                continue
            }
            if word == "--" { onlyPositionals = true; continue }
            var name: String
            var inline: String?
            if word.hasPrefix("--") {
                name = String(word.dropFirst(2))
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
            } else {
                let letter = word.dropFirst().first
                guard word.count == 2, let spec = options.first(where: { $0.short == letter }) else {
                    throw CLIError.usage("unknown option '\(word)'")
                }
                name = spec.name
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                let hint = Self.nearest(to: name, in: options.map(\.name), within: 3).map { "; did you mean --\($0)?" } ?? ""
                throw CLIError.usage("unknown option '--\(name)'\(hint)")
            }
            if spec.value == nil {
                if inline != nil { throw CLIError.usage("--\(name) is a flag and takes no value") }
                result.flags.insert(name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else {
                guard i < words.count else { throw CLIError.usage("--\(name) expects a value \(spec.value ?? "")") }
                value = words[i]
                i += 1
            }
            if !spec.repeatable, result.values[name] != nil {
                throw CLIError.usage("--\(name) may be given only once")
            }
            result.values[name, default: []].append(value)
        }
        return result
    }

    /// The candidate within `limit` edits of `name` (the package's one edit distance,
    /// ``Suggestion/distance(_:_:atMost:)``), the closest first; `nil` when none is that close.
    static func nearest(to name: String, in candidates: [String], within limit: Int) -> String? {
        candidates.compactMap { candidate in Suggestion.distance(candidate, name, atMost: limit).map { (candidate, $0) } }
            .min { $0.1 < $1.1 }?.0
    }
}
