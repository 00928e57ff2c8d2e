import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim screen MODEL --readout ID... [--pairs] [--shard I/N] [--json|--csv|--svg OUT]`.
let screenCommand = Command(
    name: "screen",
    summary: "Screen single and paired therapies/knockouts, ranked by effect, with synergy.",
    usage: "MODEL --readout ID... [--pairs|--triples] [--shard I/N] [--json|--csv] [--svg OUT] [-o OUT]",
    options: [
        OptionSpec(name: "readout", value: "ID", repeatable: true, help: "A readout; the first one ranks (required)."),
        OptionSpec(name: "pairs", help: "Also run every pair of candidates."),
        OptionSpec(name: "triples", help: "Also run every pair and triple of candidates."),
        OptionSpec(name: "candidates", value: "KIND", help: "therapies, knockouts or all (default all)."),
        OptionSpec(name: "candidate", value: "ID", repeatable: true, help: "Restrict to these candidates (ID or KO:ID)."),
        OptionSpec(name: "control-target", value: "ID=V", repeatable: true, help: "Screen the answers of 'immunosim control' for this target (logical model, therapies off) instead of the default candidates."),
        OptionSpec(name: "control-max-size", value: "K", help: "The largest control answer tried with --control-target (default 2)."),
        OptionSpec(name: "goal", value: "DIR", help: "decrease (default) or increase: which way is better."),
        OptionSpec(name: "background", value: "NAME", help: "One of the model's backgrounds."),
        OptionSpec(name: "steps", value: "N", help: "Steps per run; readouts are read at the last (default 100)."),
        OptionSpec(name: "threads", value: "N", help: "Concurrent workers (default: active processors)."),
        OptionSpec(name: "shard", value: "I/N", help: "Run the I-th of N disjoint slices; write a mergeable result."),
        OptionSpec(name: "top", value: "K", help: "Rows in the text table (default 25)."),
        OptionSpec(name: "json", help: "Print the result and ranking as JSON."),
        OptionSpec(name: "csv", help: "Print the ranking as CSV."),
        OptionSpec(name: "svg", value: "OUT", help: "Also write a heatmap of pair effects to OUT (SVG)."),
        OptionSpec(name: "synergy-svg", value: "OUT", help: "Also write a heatmap of the pairs' Bliss excess (synergy) to OUT (SVG)."),
        OptionSpec(name: "output", short: "o", value: "OUT", help: "Write the result JSON to OUT (shards: the file to merge)."),
        OptionSpec(name: "quiet", short: "q", help: "No progress on standard error."),
    ] + EngineOptions.specs.filter { $0.name != "warmup" },
    examples: [
        "immunosim screen builtin:tme --readout TUMOR_BURDEN --pairs --svg out.svg",
        "immunosim screen builtin:tme --readout TUMOR_BURDEN --pairs --shard 3/10 -o shard-3.json",
        "immunosim merge shard-*.json -o screen.json",
    ],
    run: { arguments in try runScreen(arguments) }
)

/// The body of `immunosim screen`.
func runScreen(_ arguments: Arguments) throws -> Int32 {
        guard arguments.positionals.count == 1 else { throw CLIError.usage("screen takes exactly one MODEL argument") }
    let readouts = arguments.all("readout")
    guard !readouts.isEmpty else { throw CLIError.usage("screen needs at least one --readout ID") }
    _ = try EngineOptions.isLogical(arguments)
    let kind = try arguments.choice("candidates", ["all", "therapies", "knockouts"], default: "all")
    let goal = ScreenGoal(rawValue: try arguments.choice("goal", ["decrease", "increase"], default: "decrease")) ?? .decrease
    let steps = try arguments.int("steps", default: 100)
    guard steps >= 1 else { throw CLIError.usage("--steps must be at least 1") }
    let threads = try arguments.int("threads", default: ProcessInfo.processInfo.activeProcessorCount)
    guard threads >= 1 else { throw CLIError.usage("--threads must be at least 1") }
    _ = try arguments.int("top", default: 25, atLeast: 0)  // checked before the (long) screen runs
    let shard: ShardSpec?
    do {
        shard = try arguments.value("shard").map { try ShardSpec(parsing: $0) }
    } catch let error as PerturbationError {
        throw CLIError.usage(error.message)
    }
    let reference = arguments.positionals[0]
    let graph = try ModelLoader.load(reference)
    for id in readouts where graph.index(of: id) == nil { throw CLIError.input(graph.unknownNodeMessage(id)) }
    var candidates = ScreenPlan.candidates(
        in: graph, readouts: readouts, therapies: kind != "knockouts", knockouts: kind != "therapies")
    let restrict = arguments.all("candidate")
    if !restrict.isEmpty {
        candidates = try restrict.map { text in
            let knockout = text.hasPrefix("KO:")
            let id = knockout ? String(text.dropFirst(3)) : text
            guard let i = graph.index(of: id) else { throw CLIError.input(graph.unknownNodeMessage(id)) }
            return ScreenCandidate(graph.nodes[i].id, knockout ? .knockout : .therapy)
        }
    }
    guard !candidates.isEmpty else { throw CLIError.input("the model has no candidates of kind '\(kind)'") }
    if restrict.isEmpty, kind == "all", !arguments.flag("quiet") {
        let equivalents = ScreenPlan.antibodyEquivalents(in: graph).sorted { $0.key < $1.key }
            .filter { graph.index(of: $0.key).map { !readouts.contains(graph.nodes[$0].id) } ?? false }
        if !equivalents.isEmpty {
            printError("note: knockouts of antibody targets are left out, the antibody is the same intervention: "
                + equivalents.map { "KO:\($0.key) = \($0.value.joined(separator: "/"))" }.joined(separator: ", ")
                + " (name them with --candidate KO:ID to run them anyway)")
        }
    }
    let order = arguments.flag("triples") ? 3 : arguments.flag("pairs") ? 2 : 1
    let readoutIDs = readouts.map { graph.nodes[graph.index(of: $0) ?? 0].id }
    let plan = arguments.all("control-target").isEmpty
        ? ScreenPlan(candidates: candidates, readouts: readoutIDs, order: order)
        : try controlScreenPlan(arguments, graph: graph, readouts: readoutIDs)
    let background = arguments.value("background")
    if let background, graph.background(named: background) == nil {
        let known = graph.backgrounds.map(\.name).joined(separator: ", ")
        throw CLIError.input("no background '\(background)' in model '\(graph.name)'" + (known.isEmpty ? "" : "; known: \(known)"))
    }
    let model = try EngineOptions.engine(from: arguments, graph: graph, reference: reference)
    let progress = ProgressPrinter(label: "screen", quiet: arguments.flag("quiet"))
    var report: ScreenRunner.Progress?
    if progress.enabled { report = { @Sendable finished, total in progress.update(finished, total) } }
    let progressReport = report
    let result: ScreenResult
    do {
        result = try runBlocking { () async throws -> ScreenResult in
            try await model.screen(
                plan, background: background, steps: steps, reference: reference, shard: shard, threads: threads,
                progress: progressReport)
        }
    } catch let error as PerturbationError {
        throw CLIError.input(error.message)
    } catch let error as EngineError {
        throw CLIError.input(error.message)
    }
    progress.finish()
    return try ScreenOutput.emit(result, goal: goal, arguments: arguments)
}

/// Runs an async closure to completion from synchronous code (the CLI's commands are synchronous).
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let semaphore = DispatchSemaphore(value: 0)
    Task {
        do { box.value = .success(try await body()) } catch { box.value = .failure(error) }
        semaphore.signal()
    }
    semaphore.wait()
    guard let value = box.value else { throw CLIError.input("the run did not finish") }
    return try value.get()
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var value: Result<T, any Error>?
}
