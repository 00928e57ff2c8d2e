import ImmunoGraph
import ImmunoSim

/// The scenario flags shared by `respond` and `simulate`: `--therapy SPEC`, `--knockout ID`,
/// `--overexpress ID`, `--background NAME`, `--initial ID=LEVEL`.
enum ScenarioOptions {
    /// The option specs, to append to a command's options.
    static let specs: [OptionSpec] = [
        OptionSpec(name: "therapy", value: "SPEC", repeatable: true,
                   help: "A therapy: ID[@START[-STOP]][:DOSE][/ON+OFF][~HALFLIFE], e.g. ANTI_PD1@10, TAT:0.4, IL12_THERAPY@0/5+9 (cycles), TAT@0~10 (bolus half-life)."),
        OptionSpec(name: "background", value: "NAME", help: "One of the model's backgrounds (named clamps)."),
        OptionSpec(name: "knockout", value: "ID", repeatable: true, help: "Hold a node at 0 for the whole run."),
        OptionSpec(name: "overexpress", value: "ID", repeatable: true, help: "Hold a node at its maximum for the whole run."),
        OptionSpec(name: "initial", value: "ID=LEVEL", repeatable: true, help: "Start a node at LEVEL (0...1)."),
    ]

    /// `--exposure`, for the commands that handle it (`simulate`, `respond`).
    static let exposureSpec = OptionSpec(
        name: "exposure", help: "Print each therapy's exposure per step (with --format csv: step,exposure) instead of running.")

    /// Prints the exposure profile of every therapy of `scenario` over `steps + 1` steps (a bar
    /// chart, or CSV with `csv`): what `--exposure` shows instead of running.
    static func printExposure(of scenario: Scenario, steps: Int, csv: Bool) throws {
        guard !scenario.therapies.isEmpty else { throw CLIError.usage("--exposure needs at least one --therapy") }
        for (k, therapy) in scenario.therapies.enumerated() {
            if k > 0 { print() }
            if csv {
                print("# \(therapy.name): \(therapy.schedule)")
                print(therapy.schedule.profileCSV(steps: steps + 1), terminator: "")
            } else {
                print("\(therapy.name): \(therapy.schedule)")
                print(therapy.schedule.profileText(steps: steps + 1), terminator: "")
            }
        }
    }

    /// Builds the scenario from parsed arguments against `graph` (loaded from `reference`).
    ///
    /// - Throws: `CLIError.input` for an unknown node, background or a bad therapy spec (with the
    ///   position and a suggestion); `CLIError.usage` for malformed `--initial`.
    static func scenario(from arguments: Arguments, graph: MechanismGraph, reference: String) throws -> Scenario {
        var scenario = Scenario(model: reference)
        scenario.background = arguments.value("background")
        for spec in arguments.all("therapy") {
            do {
                scenario.therapies.append(try TherapySpec.parse(spec, in: graph))
            } catch {
                throw CLIError.input(error.description)
            }
        }
        for id in arguments.all("knockout") { scenario.perturbations.append(.knockout(try known(id, graph))) }
        for id in arguments.all("overexpress") { scenario.perturbations.append(.overexpress(try known(id, graph))) }
        for item in arguments.all("initial") {
            guard let eq = item.firstIndex(of: "=") else {
                throw CLIError.usage("--initial expects ID=LEVEL, got '\(item)'")
            }
            let id = String(item[..<eq])
            let text = String(item[item.index(after: eq)...])
            guard let level = Double(text), (0...1).contains(level) else {
                throw CLIError.usage("--initial \(item): LEVEL must be a number in 0...1, got '\(text)'")
            }
            scenario.initialLevels.append(.init(node: try known(id, graph), level: level))
        }
        do {
            _ = try scenario.resolvedBackground(in: graph)
        } catch let error as PerturbationError {
            throw CLIError.input(error.message)
        }
        return scenario
    }

    private static func known(_ id: String, _ graph: MechanismGraph) throws -> String {
        guard let index = graph.index(of: id) else { throw CLIError.input(graph.unknownNodeMessage(id)) }
        return graph.nodes[index].id
    }
}
