import Foundation
import ImmunoGraph
import ImmunoSim

/// The largest `--max-size`: sets are enumerated, (2 × candidates)^K of them.
let maximumControlSize = 4

/// `immunosim control MODEL --target ID=V [--target ID=V]... [--max-size K] [--exclude ID]... [--json]`.
let controlCommand = Command(
    name: "control",
    summary: "Find the smallest sets of knockouts/over-expressions after which every attractor is in a target.",
    usage: "MODEL --target ID=V [--target ID=V]... [--max-size K] [--exclude ID]... [--perturb-targets] [--fix ID=V]... [--json]",
    options: [
        OptionSpec(name: "target", value: "ID=V", repeatable: true, help: "A node level every attractor must have (V = 0 or 1; 0...max for a multi-valued node; required)."),
        OptionSpec(name: "max-size", value: "K", help: "Try sets of at most K perturbations (default 2, at most \(maximumControlSize))."),
        OptionSpec(name: "exclude", value: "ID", repeatable: true, help: "Never perturb this node."),
        OptionSpec(name: "perturb-targets", help: "Also perturb the target nodes themselves (left out by default)."),
        OptionSpec(name: "json", help: "Print JSON: {nodes, target, strategies: [{perturbations, size, verified, explanation}]}."),
        fixOption,
    ] + logicalModelOptions,
    examples: [
        "immunosim control Examples/models/checkpoint.bnet --fix ANTIGEN=1 --target KILLING=1",
        "immunosim control model.bnet --target TCELL=1 --target TREG=0 --max-size 3 --exclude IL2",
        "immunosim control builtin:tme --target PDL1=0 --max-size 1 --json",
    ],
    run: { arguments in try runControl(arguments) }
)

/// Parses `ID=V` with V a level, 0…63 (a usage error otherwise; a level above the node's
/// maximum is a bad-input error from the analysis, naming the node).
func parseControlValue(_ text: String, option: String) throws -> NodeValue {
    let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, !parts[0].isEmpty, let value = Int(parts[1]), (0...63).contains(value) else {
        throw CLIError.usage("--\(option) expects ID=LEVEL (e.g. TCELL=1), got '\(OptionLimits.echo(text))'")
    }
    return NodeValue(parts[0], value)
}

/// Reads `--target`, `--max-size`, `--exclude` and `--perturb-targets`, checking node names
/// against `graph` (an unknown one is a bad-input error naming it).
func controlProblem(_ arguments: Arguments, graph: MechanismGraph, targetOption: String = "target",
                    sizeOption: String = "max-size") throws -> ControlProblem {
    let target = try arguments.all(targetOption).map { try parseControlValue($0, option: targetOption) }
    guard !target.isEmpty else { throw CLIError.usage("give at least one --\(targetOption) ID=V") }
    let size = try arguments.int(sizeOption, default: 2)
    guard (0...maximumControlSize).contains(size) else {
        throw CLIError.usage("--\(sizeOption) must be in 0...\(maximumControlSize) (every set of that many "
            + "perturbations is tried: about (2 x candidates)^K), got \(size)")
    }
    let excluded = arguments.all("exclude")
    for id in target.map(\.node) + excluded where graph.index(of: id) == nil {
        throw CLIError.input(graph.unknownNodeMessage(id))
    }
    return ControlProblem(target: target, maxSize: size, excluded: excluded, perturbTargets: arguments.flag("perturb-targets"))
}

/// The body of `immunosim control`.
func runControl(_ arguments: Arguments) throws -> Int32 {
    let (graph, model) = try loadSymbolicModel(arguments, command: "control")
    let problem = try controlProblem(arguments, graph: graph)
    let clock = ContinuousClock()
    let started = clock.now
    let result: ControlResult
    do {
        result = try model.controlStrategies(problem, graph: graph)
    } catch {
        throw CLIError.input(error.message)
    }
    let elapsed = clock.now - started
    if arguments.flag("json") {
        print(try jsonText(controlJSON(result, problem: problem, model: model)))
        return 0
    }
    print(controlText(result, problem: problem, model: model, elapsed: elapsed), terminator: "")
    return 0
}

/// The JSON object of a control result (the keys named in issue 15 are a contract).
func controlJSON(_ result: ControlResult, problem: ControlProblem, model: LogicalModel) -> [String: Any] {
    func object(_ values: [NodeValue]) -> [String: Int] {
        Dictionary(values.map { ($0.node, $0.value) }, uniquingKeysWith: { _, b in b })
    }
    let strategies: [[String: Any]] = result.strategies.map { strategy in
        [
            "perturbations": object(strategy.perturbations),
            "size": strategy.size,
            "verified": strategy.verification.rawValue,
            "checked": strategy.checked,
            "explanation": strategy.explanation.map { step -> [String: Any] in
                [
                    "node": step.node, "value": step.value, "because": object(step.because),
                    "evidence": step.edges.flatMap { edge in
                        edge.evidence.map { evidence -> [String: Any] in
                            var record: [String: Any] = [
                                "edge": edge.arrowDescription, "source": evidence.source.file,
                                "location": evidence.location, "paraphrase": evidence.paraphrase,
                                "strength": evidence.strength.rawValue,
                            ]
                            if let doi = evidence.source.doi { record["doi"] = doi }
                            return record
                        }
                    },
                ]
            },
        ]
    }
    return [
        "nodes": model.nodeIDs,
        "target": object(problem.target),
        "maxSize": problem.maxSize,
        "candidates": result.candidates,
        "strategies": strategies,
        "examined": result.examined,
        "undecided": result.undecided.map { $0.map(\.description) },
    ]
}

/// The text report of a control result.
func controlText(_ result: ControlResult, problem: ControlProblem, model: LogicalModel, elapsed: Duration) -> String {
    let target = problem.target.map(\.description).joined(separator: ", ")
    var text = "Control of \(target) in '\(model.name)': \(model.nodeCount) nodes, \(result.candidates.count) candidate nodes "
        + "upstream of the target, sets of at most \(problem.maxSize)\n"
    let count = result.strategies.count
    text += count == 0
        ? "No set of at most \(problem.maxSize) perturbations puts every attractor in the target.\n"
        : "\(count) minimal strateg\(count == 1 ? "y" : "ies") (every attractor ends in the target):\n"
    for (k, strategy) in result.strategies.enumerated() {
        let name = strategy.perturbations.isEmpty ? "(no perturbation: already true)"
            : strategy.perturbations.map(\.description).joined(separator: ", ")
        let how: String
        switch strategy.verification {
        case .percolation: how = "percolation: holds whatever the initial state"
        case .attractors: how = "attractor-checked: all \(strategy.checked) attractor\(strategy.checked == 1 ? "" : "s") of the perturbed model lie in the target"
        case .trapSpaces: how = "trap-space level: all \(strategy.checked) minimal trap spaces lie in the target (attractors too large to list)"
        }
        text += "\n\(k + 1). \(name)  [\(how)]\n"
        for step in strategy.explanation {
            let because = step.because.map(\.description).joined(separator: ", ")
            text += "     \(step.node)=\(step.value) because \(because.isEmpty ? "its rule is constant" : because)\n"
            for edge in step.edges {
                guard let evidence = edge.evidence.first else { continue }
                let source = evidence.source.doi.map { "doi:\($0)" } ?? evidence.source.file
                text += "         \(edge.arrowDescription): \(evidence.paraphrase) [\(source)]\n"
            }
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    text += "\nExamined \(result.examined) sets: \(result.decidedByPercolation) decided by percolation, "
        + "\(result.refutedByTrapSpace) refuted by a trap space, \(result.attractorChecks) by their attractors "
        + "(\(result.attractorSearches) distinct searches) in \(String(format: "%.2f", seconds)) s.\n"
    if !result.undecided.isEmpty {
        text += "Undecided (too large to check, not reported): "
            + result.undecided.map { $0.map(\.description).joined(separator: ", ") }.joined(separator: "; ") + "\n"
    }
    return text
}

/// The plan of `screen --control-target ID=V`: the control answers on the logical model (every
/// therapy held off, the screen adds them) as candidates, combined up to the largest answer.
func controlScreenPlan(_ arguments: Arguments, graph: MechanismGraph, readouts: [String]) throws -> ScreenPlan {
    let problem = try controlProblem(arguments, graph: graph, targetOption: "control-target", sizeOption: "control-max-size")
    let context = graph.nodes.filter(\.isTherapy).map { (node: $0.id, level: 0) }
    let result: ControlResult
    do {
        let model = try LogicalModel(graph).holding(context)
        result = try model.controlStrategies(problem, graph: graph)
    } catch let error as LogicalAnalysisError {
        throw CLIError.input(error.message)
    }
    guard !result.strategies.isEmpty else {
        throw CLIError.input("no set of at most \(problem.maxSize) perturbations puts every attractor in "
            + problem.target.map(\.description).joined(separator: ", ") + "; nothing to screen")
    }
    if !arguments.flag("quiet") {
        printError("note: screening \(result.strategies.count) control answer(s): "
            + result.strategies.map { $0.perturbations.map(\.description).joined(separator: " + ") }.joined(separator: "; "))
    }
    return ScreenPlan(controlStrategies: result.strategies, readouts: readouts, in: graph)
}
