import ImmunoGraph
import ImmunoSim

/// The semantics flags shared by every analysis command (`respond`, `explain`, `check`):
/// `--semantics`, `--logic`, `--update`, `--policy`, `--seed`, `--runs`, `--warmup`.
enum EngineOptions {
    /// The semantics names `--semantics` accepts.
    static let semanticsNames = ["graded", "logical"]

    /// The option specs, to append to a command's options.
    static let specs: [OptionSpec] = [
        OptionSpec(name: "semantics", value: "NAME", help: "graded (default: levels in [0, 1]) or logical (attractor or time averages of Boolean/multi-valued runs)."),
        OptionSpec(name: "logic", value: "NAME", help: "Graded logic for explicit rules: multilinear (default), hillcube or minmax."),
        OptionSpec(name: "update", value: "MODE", help: "Logical update: sync (default) or async (continuous time, time averages until converged)."),
        OptionSpec(name: "policy", value: "NAME", help: "Logical rule policy for nodes without rules: inhibitorDominant (default) or threshold."),
        OptionSpec(name: "seed", value: "S", help: "Seed of asynchronous runs and random starts (default 0)."),
        OptionSpec(name: "runs", value: "N", help: "Seeded runs of an asynchronous or randomly started logical reading (default 20)."),
        OptionSpec(name: "random-starts", value: "N", help: "Graded: average N runs from random Boolean starts (each node on with its start level as probability; default 1 = one deterministic run)."),
        OptionSpec(name: "warmup", value: "N|steady", help: "Run both arms N steps (or to the untreated steady state) before the interventions start."),
    ]

    /// Whether `--semantics logical` was chosen (a usage error for an unknown name).
    static func isLogical(_ arguments: Arguments) throws -> Bool {
        try arguments.choice("semantics", semanticsNames, default: "graded") == "logical"
    }

    /// The engine the arguments ask for, compiled for `graph`.
    ///
    /// - Throws: `CLIError.usage` for unknown names or flags of another semantics,
    ///   `CLIError.input` when the model cannot be compiled.
    static func engine(from arguments: Arguments, graph: MechanismGraph) throws -> any SimulationEngine {
        let logical = try isLogical(arguments)
        let logicName = try arguments.choice("logic", GradedLogic.allCases.map(\.rawValue), default: GradedLogic.multilinear.rawValue)
        do {
            if logical {
                guard arguments.value("logic") == nil else { throw CLIError.usage("--logic applies to --semantics graded only") }
                guard arguments.value("random-starts") == nil else { throw CLIError.usage("--random-starts applies to --semantics graded only (logical: --runs)") }
                let update = try arguments.choice("update", ["sync", "async"], default: "sync")
                let policy = RulePolicy(name: try arguments.choice("policy", RulePolicy.all.map(\.name), default: RulePolicy.inhibitorDominant.name))
                return try LogicalEngine(
                    graph, policy: policy, update: update == "sync" ? .synchronous : .asynchronous,
                    runs: try arguments.int("runs", default: 20, atLeast: 1), seed: try arguments.uint64("seed", default: 0))
            }
            for option in ["update", "policy", "runs"] where arguments.value(option) != nil {
                throw CLIError.usage("--\(option) applies to --semantics logical only")
            }
            let model = try CompiledGradedModel(graph, parameters: GradedParameters(logic: GradedLogic(name: logicName) ?? .multilinear))
            let starts = try arguments.int("random-starts", default: 1, atLeast: 1)
            if starts == 1 {
                guard arguments.value("seed") == nil else { throw CLIError.usage("--seed applies to --semantics logical or --random-starts N > 1") }
                return model
            }
            return try GradedStartEnsemble(model, starts: starts, seed: try arguments.uint64("seed", default: 0))
        } catch let error as GradedModelError {
            throw CLIError.input(error.message)
        } catch let error as EngineError {
            throw CLIError.input(error.message)
        }
    }

    /// The scenario and readout time after `--warmup`: interventions start N steps later and the
    /// readout moves with them. `steady` warms up for as many steps as the untreated graded model
    /// needs to settle (max |Δ| < 1e-6, at most 10,000 steps).
    static func warmedUp(_ scenario: Scenario, at time: ReadoutTime, arguments: Arguments, graph: MechanismGraph) throws
        -> (Scenario, ReadoutTime, Int)
    {
        guard let text = arguments.value("warmup") else { return (scenario, time, 0) }
        let steps: Int
        if text == "steady" {
            let model = try CompiledGradedModel(graph)
            let baseline = model.read(try model.inputs(for: scenario.baseline), at: .steady)
            steps = baseline.trajectory.lastStep
        } else {
            guard let n = Int(text), n >= 0, n <= 1_000_000 else {
                throw CLIError.usage("--warmup expects a number of steps in 0...1000000 or 'steady', got '\(text)'")
            }
            steps = n
        }
        do {
            return (try scenario.startingInterventions(after: steps), time.shifted(by: steps), steps)
        } catch let error as PerturbationError {
            throw CLIError.input(error.message)
        }
    }
}
