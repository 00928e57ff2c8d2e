/// The bounds of every integer option, the same for every command that takes it, with the reason
/// each bound exists. ``Arguments/int(_:default:)`` enforces them and `--help` prints them.
///
/// The bounds keep every run within memory a workstation has and every count within `Int`:
/// a run records at most `--steps` + 1 states of every node, and schedules, chains and
/// neighbourhoods grow with their lengths.
enum OptionLimits {
    /// A bound and why it is there.
    struct Limit: Sendable {
        var range: ClosedRange<Int>
        var why: String
    }

    /// The largest `--steps`.
    static let maximumSteps = 1_000_000
    /// The most node-states a recorded run may hold: (steps + 1) × nodes ≤ this (8 bytes each,
    /// 800 MB).
    static let maximumRecordedStates = 100_000_000

    /// Integer options by long name.
    static let integer: [String: Limit] = [
        "steps": Limit(range: 0...maximumSteps, why: "a run records up to N + 1 states of every node"),
        "max-length": Limit(range: 1...64, why: "chains are enumerated; their number grows exponentially with length"),
        "max-loop-length": Limit(range: 1...64, why: "loops are enumerated; their number grows exponentially with length"),
        "radius": Limit(range: 0...10_000, why: "a neighbourhood radius in edges"),
        "threads": Limit(range: 1...1024, why: "one worker per thread"),
        "top": Limit(range: 0...10_000_000, why: "rows printed"),
        "limit": Limit(range: 1...100_000_000, why: "fixed points held in memory"),
        "hill": Limit(range: 1...8, why: "the graded engine's integer Hill exponents"),
    ]

    /// The help suffix for an option with a bound, e.g. `" [0...1000000]"`.
    static func helpSuffix(_ name: String) -> String {
        guard let limit = integer[name] else { return "" }
        return " [\(limit.range.lowerBound)...\(limit.range.upperBound)]"
    }

    /// Input echoed in a message, cut to 60 characters.
    static func echo(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }

    /// Refuses a run that would record more than ``maximumRecordedStates`` node-states.
    ///
    /// - Throws: `CLIError.usage` naming `--steps`, the model size and the limit.
    static func checkRecord(steps: Int, nodes: Int) throws {
        let (states, overflow) = (steps + 1).multipliedReportingOverflow(by: max(1, nodes))
        guard overflow || states > maximumRecordedStates else { return }
        throw CLIError.usage(
            "--steps \(steps) with \(nodes) nodes would record \(overflow ? "more than \(Int.max)" : String(states)) node-states; "
                + "the limit is \(maximumRecordedStates) (800 MB): use at most \(maximumRecordedStates / max(1, nodes) - 1) steps")
    }
}
