import Foundation
import ImmunoGraph
import ImmunoSim

/// The scenario flags shared by `respond`, `explain`, `simulate` and `sweep`: `--therapy SPEC`,
/// `--block/--deplete/--supply SPEC` (any node), `--knockout ID`, `--overexpress ID`,
/// `--background NAME`, `--initial ID=LEVEL`.
enum ScenarioOptions {
    /// The option specs, to append to a command's options.
    static let specs: [OptionSpec] = [
        OptionSpec(name: "therapy", value: "SPEC", repeatable: true,
                   help: "A therapy: ID[@START[-STOP]][:DOSE][/ON+OFF][~HALFLIFE], e.g. ANTI_PD1@10, TAT:0.4, IL12_THERAPY@0/5+9 (cycles), TAT@0~10 (bolus half-life)."),
        OptionSpec(name: "background", value: "NAME", help: "One of the model's backgrounds (named clamps)."),
        OptionSpec(name: "knockout", value: "ID", repeatable: true, help: "Hold a node at 0 for the whole run."),
        OptionSpec(name: "overexpress", value: "ID", repeatable: true, help: "Hold a node at its maximum for the whole run."),
        OptionSpec(name: "block", value: "SPEC", repeatable: true,
                   help: "Block any node's outgoing influence: ID[@START[-STOP]][:EFFICACY][/ON+OFF][~HALFLIFE], e.g. PD1@10:0.9."),
        OptionSpec(name: "deplete", value: "SPEC", repeatable: true, help: "Deplete any node (drive it toward 0): ID[@START[-STOP]][:DOSE]..."),
        OptionSpec(name: "supply", value: "SPEC", repeatable: true, help: "Supply any node (raise it to at least DOSE): ID[@START[-STOP]][:DOSE]..."),
        OptionSpec(name: "initial", value: "ID=LEVEL", repeatable: true,
                   help: "Start a node at LEVEL: graded 0...1; logical an integer level, or P in (0,1) for on with probability P (seeded); ID '*' sets every node."),
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
    ///
    /// With `logicalLevels`, an integer `--initial` value is a logical level (0...max, stored as
    /// the fraction level/max) and a value strictly between 0 and 1 a probability of being on;
    /// otherwise values are graded levels in 0...1.
    static func scenario(from arguments: Arguments, graph: MechanismGraph, reference: String, logicalLevels: Bool = false) throws -> Scenario {
        var scenario = Scenario(model: reference)
        scenario.background = arguments.value("background")
        for spec in arguments.all("therapy") {
            do {
                scenario.therapies.append(try TherapySpec.parse(spec, in: graph))
            } catch {
                throw CLIError.input(error.description)
            }
        }
        for kind in InterventionKind.allCases {
            for spec in arguments.all(kind.rawValue) {
                do {
                    scenario.therapies.append(try TherapySpec.parseIntervention(spec, kind: kind, in: graph))
                } catch {
                    throw CLIError.input(error.description)
                }
            }
        }
        for id in arguments.all("knockout") { scenario.perturbations.append(.knockout(try known(id, graph))) }
        for id in arguments.all("overexpress") { scenario.perturbations.append(.overexpress(try known(id, graph))) }
        for item in arguments.all("initial") {
            guard let eq = item.firstIndex(of: "=") else {
                throw CLIError.usage("--initial expects ID=LEVEL, got '\(item)'")
            }
            let id = String(item[..<eq]).trimmingCharacters(in: .whitespaces)
            let text = String(item[item.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            let nodes = id == "*" ? graph.nodes.indices.filter { !graph.nodes[$0].isTherapy } : [try index(id, graph)]
            for i in nodes {
                let maxLevel = graph.nodes[i].maxLevel
                let level: Double
                if logicalLevels, let integer = Int(text) {
                    guard (0...maxLevel).contains(integer) else {
                        throw CLIError.usage("--initial \(item): level \(integer) is outside 0...\(maxLevel) for '\(graph.nodes[i].id)'")
                    }
                    level = Double(integer) / Double(maxLevel)
                } else {
                    guard let value = Double(text), (0...1).contains(value) else {
                        throw CLIError.usage("--initial \(item): LEVEL must be a number in 0...1, got '\(text)'")
                    }
                    level = value
                }
                scenario.initialLevels.append(.init(node: graph.nodes[i].id, level: level))
            }
        }
        do {
            if let background = try scenario.resolvedBackground(in: graph), let given = scenario.background, given != background.name {
                printError("note: background '\(given)' is \(background.name)")
            }
        } catch let error as PerturbationError {
            throw CLIError.input(error.message)
        }
        // A dose above the full-effect dose gives the same effect as the full-effect dose.
        for therapy in scenario.therapies where therapy.schedule.dose > therapy.fullEffectDose {
            printError("warning: \(therapy.name): dose \(String(format: "%g", therapy.schedule.dose)) is above the full-effect dose "
                + "\(String(format: "%g", therapy.fullEffectDose)) and acts as it (occupancy is capped at 1)")
        }
        if logicalLevels {
            // The Boolean engines read an antibody as a clamp of its target (no partial block).
            for therapy in scenario.therapies {
                if case .block(let efficacy) = therapy.mode, efficacy < 1 {
                    printError("note: \(therapy.name): the logical and stochastic engines read a \(Int((efficacy * 100).rounded()))% block "
                        + (efficacy >= 0.5 ? "as a full block of the node (held at 0)" : "as no block (below 50%)"))
                }
            }
            let antibodies = graph.edges.filter { $0.mechanism == .blocks && $0.sign == .inhibits }
                .filter { edge in scenario.therapies.contains { $0.name == edge.source } }
            for edge in antibodies {
                printError("note: \(edge.source) blocks \(edge.target)'s influence in the graded engine (its level stays); "
                    + "the logical and stochastic engines read the edge as a rule (\(edge.target) switched off)")
            }
        }
        return scenario
    }

    private static func known(_ id: String, _ graph: MechanismGraph) throws -> String {
        let resolved = graph.nodes[try index(id, graph)].id
        if resolved != id { printError("note: '\(id)' is \(resolved)") }
        return resolved
    }

    private static func index(_ id: String, _ graph: MechanismGraph) throws -> Int {
        guard let index = graph.index(of: id) else { throw CLIError.input(graph.unknownNodeMessage(id)) }
        return index
    }

    /// Whether the arguments name any intervention (therapy, block, deplete, supply, knockout,
    /// over-expression): what respond and explain compare against the model without it.
    static func hasIntervention(_ arguments: Arguments) -> Bool {
        !(arguments.all("therapy") + arguments.all("knockout") + arguments.all("overexpress")
            + InterventionKind.allCases.flatMap { arguments.all($0.rawValue) }).isEmpty
    }
}
