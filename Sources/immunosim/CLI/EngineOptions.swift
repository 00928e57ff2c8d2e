import Foundation
import ImmunoGraph
import ImmunoSim

/// The semantics flags shared by every analysis command (`respond`, `explain`, `check`):
/// `--semantics`, `--logic`, `--update`, `--policy`, `--seed`, `--runs`, `--warmup`.
enum EngineOptions {
    /// The semantics names `--semantics` accepts.
    static let semanticsNames = ["graded", "logical", "stochastic"]

    /// The option specs, to append to a command's options.
    static let specs: [OptionSpec] = [
        OptionSpec(name: "semantics", value: "NAME", help: "graded (default: levels in [0, 1]), logical (attractor or time averages of Boolean/multi-valued runs) or stochastic (MaBoSS probabilities)."),
        OptionSpec(name: "trajectories", value: "N", help: "Stochastic: trajectories per arm (default 10000, or the .cfg's sample_count)."),
        OptionSpec(name: "max-time", value: "T", help: "Stochastic: simulated time of a steady-state readout (default 100); a step readout N runs to time N."),
        OptionSpec(name: "time-tick", value: "DT", help: "Stochastic: width of the sampling windows (default 1)."),
        basalSpec,
        logicSpec,
        hillSpec,
        OptionSpec(name: "update", value: "MODE", help: "Logical update: sync (default) or async (continuous time, time averages until converged)."),
        OptionSpec(name: "policy", value: "NAME", help: "Logical rule policy for nodes without rules: inhibitorDominant (default) or threshold."),
        OptionSpec(name: "seed", value: "S", help: "Seed of asynchronous runs and random starts (default 0)."),
        OptionSpec(name: "runs", value: "N", help: "Seeded runs of an asynchronous or randomly started logical reading (default 20)."),
        OptionSpec(name: "random-starts", value: "N", help: "Graded: average N runs from random Boolean starts (each node on with its start level as probability; default 1 = one deterministic run)."),
        OptionSpec(name: "warmup", value: "N|steady", help: "Run both arms N steps (or to the untreated steady state) before the interventions start."),
    ]

    /// `--basal MODE`: how the stochastic engine reads a basal level.
    static let basalSpec = OptionSpec(name: "basal", value: "MODE",
        help: "Stochastic: a basal level is spontaneous activation unless inhibited (spontaneous, default; MaBoSS export alike) or only rounds the initial state (initial).")

    /// Whether `--basal` asks for spontaneous activity (the default).
    ///
    /// - Throws: `CLIError.usage` for a mode other than `spontaneous` or `initial`.
    static func spontaneousBasal(_ arguments: Arguments) throws -> Bool {
        try arguments.choice("basal", ["spontaneous", "initial"], default: "spontaneous") == "spontaneous"
    }

    /// `--logic NAME`: how the graded engine reads explicit rules.
    static let logicSpec = OptionSpec(name: "logic", value: "NAME",
        help: "Graded logic for explicit rules: multilinear (default), hillcube or minmax.")

    /// `--hill N`: the graded Hill exponent of every edge without its own (the claim tests' `hill2`).
    static let hillSpec = OptionSpec(name: "hill", value: "N",
        help: "Graded: Hill exponent of every edge without its own (default 1; 2 is the claim tests' 'hill2' semantics).")

    /// The graded parameters `--logic` and `--hill` ask for (defaults: multilinear, exponent 1).
    ///
    /// - Throws: `CLIError.usage` for an unknown logic or an exponent outside 1...8.
    static func gradedParameters(from arguments: Arguments) throws -> GradedParameters {
        let logicName = try arguments.choice("logic", GradedLogic.allCases.map(\.rawValue), default: GradedLogic.multilinear.rawValue)
        return GradedParameters(hillExponent: try arguments.int("hill", default: 1), logic: GradedLogic(name: logicName) ?? .multilinear)
    }

    /// Rejects `--logic` and `--hill` for a semantics other than graded.
    ///
    /// - Throws: `CLIError.usage` naming the first one given.
    static func rejectGradedOptions(_ arguments: Arguments) throws {
        for option in ["logic", "hill"] where arguments.value(option) != nil {
            throw CLIError.usage("--\(option) applies to --semantics graded only")
        }
    }

    /// Whether a Boolean/multi-valued semantics (`logical` or `stochastic`) was chosen, whose
    /// `--initial` values are levels or probabilities (a usage error for an unknown name).
    static func isLogical(_ arguments: Arguments) throws -> Bool {
        try arguments.choice("semantics", semanticsNames, default: "graded") != "graded"
    }

    /// The engine the arguments ask for, compiled for `graph`.
    ///
    /// - Throws: `CLIError.usage` for unknown names or flags of another semantics,
    ///   `CLIError.input` when the model cannot be compiled.
    static func engine(from arguments: Arguments, graph: MechanismGraph, reference: String? = nil) throws -> any SimulationEngine {
        let semantics = try arguments.choice("semantics", semanticsNames, default: "graded")
        let logical = semantics == "logical"
        if semantics != "stochastic" {
            for option in ["trajectories", "max-time", "time-tick", "basal"] where arguments.value(option) != nil {
                throw CLIError.usage("--\(option) applies to --semantics stochastic only")
            }
        }
        do {
            if semantics == "stochastic" {
                try rejectGradedOptions(arguments)
                for option in ["random-starts", "update", "runs"] where arguments.value(option) != nil {
                    throw CLIError.usage("--\(option) does not apply to --semantics stochastic")
                }
                // A MaBoSS .bnd model brings its rates, parameters, istates and run settings (.cfg).
                var loaded = StochasticOptions.Loaded(graph: graph, configuration: .init())
                if let reference, reference.lowercased().hasSuffix(".bnd") { loaded = try StochasticOptions.load(reference) }
                var settings = StochasticSettings()
                settings.trajectories = try arguments.int("trajectories", default: loaded.trajectories ?? 10_000, atLeast: 1)
                settings.maxTime = try arguments.double("max-time", default: loaded.maxTime ?? 100)
                settings.timeTick = try arguments.double("time-tick", default: loaded.timeTick ?? 1)
                guard settings.maxTime > 0, settings.maxTime <= 1e6 else { throw CLIError.usage("--max-time must be in (0, 1000000]") }
                guard settings.timeTick > 0 else { throw CLIError.usage("--time-tick must be positive") }
                settings.seed = try arguments.uint64("seed", default: loaded.seed ?? 0)
                settings.threads = ProcessInfo.processInfo.activeProcessorCount
                let policy = RulePolicy(name: try arguments.choice("policy", RulePolicy.all.map(\.name), default: RulePolicy.inhibitorDominant.name))
                return try StochasticEngine(graph, policy: policy, configuration: loaded.configuration, settings: settings,
                                            spontaneousBasal: try spontaneousBasal(arguments))
            }
            if logical {
                try rejectGradedOptions(arguments)
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
            let model = try CompiledGradedModel(graph, parameters: try gradedParameters(from: arguments))
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
    /// readout moves with them. `steady` warms up for as long as the untreated model takes to
    /// settle under `engine`'s own semantics (`SimulationEngine.settlingTime(of:)`).
    static func warmedUp(_ scenario: Scenario, at time: ReadoutTime, arguments: Arguments, engine: any SimulationEngine) throws
        -> (Scenario, ReadoutTime, Int)
    {
        guard let text = arguments.value("warmup") else { return (scenario, time, 0) }
        let steps: Int
        if text == "steady" {
            do {
                steps = try engine.settlingTime(of: scenario.baseline)
            } catch {
                throw CLIError.input("--warmup steady: \(error.message)")
            }
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
