import ImmunoGraph
import ImmunoSim

/// Options shared by the logical commands: policy, perturbations and initial levels.
let logicalModelOptions: [OptionSpec] = [
    OptionSpec(name: "policy", value: "NAME", help: "Rule policy for nodes without a rule: inhibitorDominant (default) or threshold."),
    OptionSpec(name: "knockout", value: "ID", repeatable: true, help: "Hold a node at 0."),
    OptionSpec(name: "overexpress", value: "ID", repeatable: true, help: "Hold a node at its maximum."),
]

/// The `--initial ID=LEVEL` option.
let initialOption = OptionSpec(name: "initial", value: "ID=LEVEL", repeatable: true, help: "Initial level of a node (default: the model's initial level, else 0).")

/// Loads MODEL and compiles it with the policy and perturbations given on the command line.
func loadLogicalModel(_ arguments: Arguments, command: String) throws -> (MechanismGraph, LogicalModel) {
    guard arguments.positionals.count == 1 else {
        throw CLIError.usage("\(command) takes exactly one MODEL argument")
    }
    let graph = try ModelLoader.load(arguments.positionals[0])
    let policyName = try arguments.choice("policy", RulePolicy.all.map(\.name), default: RulePolicy.inhibitorDominant.name)
    let perturbations = arguments.all("knockout").map(Perturbation.knockout)
        + arguments.all("overexpress").map(Perturbation.overexpress)
    let resolved = try ResolvedPerturbations(perturbations, in: graph)
    let model = try LogicalModel(graph, policy: RulePolicy(name: policyName), perturbations: resolved)
    return (graph, model)
}
