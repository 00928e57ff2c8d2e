import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim sweep MODEL --therapy SPEC --readout ID... (--doses LIST | --starts LIST)`.
let sweepCommand = Command(
    name: "sweep",
    summary: "Dose-response or start-step curve of one therapy (any semantics), as a table, CSV, JSON or SVG.",
    usage: "MODEL --therapy SPEC --readout ID... (--doses X,Y,... | --starts S,T,...) [--steps N] [--svg OUT]",
    options: ScenarioOptions.specs + [
        OptionSpec(name: "readout", value: "ID", repeatable: true, help: "A readout to trace (required)."),
        OptionSpec(name: "doses", value: "LIST", help: "Comma-separated doses for the last --therapy (the others stay fixed)."),
        OptionSpec(name: "starts", value: "LIST", help: "Comma-separated start steps for the last --therapy (the others stay fixed)."),
        OptionSpec(name: "steps", value: "N", help: "Read at step N (default 200)."),
        OptionSpec(name: "full-effect-dose", value: "X",
                   help: "The dose of the swept therapy that gives full effect (default 1); higher doses saturate."),
        OptionSpec(name: "log", help: "Logarithmic dose axis in the SVG."),
        OptionSpec(name: "csv", help: "Print CSV: parameter, then one column per readout."),
        OptionSpec(name: "json", help: "Print JSON: one curve per readout."),
        OptionSpec(name: "svg", value: "OUT", help: "Also write the curves to OUT (SVG)."),
    ] + EngineOptions.specs.filter { $0.name != "warmup" },
    examples: [
        "immunosim sweep builtin:tme --therapy TAT --readout TUMOR_BURDEN --doses 0.1,0.2,0.4,0.8 --background COLD_TUMOR",
        "immunosim sweep builtin:tme --therapy EBRT --readout TYPE_I_IFN --readout TREX1 --doses 0.1,0.2,0.4,0.6,0.8,1 --svg ebrt.svg",
        "immunosim sweep builtin:tme --therapy TAT:0.4 --therapy ANTI_PDL1 --readout TUMOR_BURDEN --starts 0,5,10,20 --steps 60",
    ],
    run: { arguments in try runSweep(arguments) }
)

/// The body of `immunosim sweep`: sweeps the *last* `--therapy` given (the others stay fixed).
func runSweep(_ arguments: Arguments) throws -> Int32 {
    guard arguments.positionals.count == 1 else { throw CLIError.usage("sweep takes exactly one MODEL argument") }
    let readouts = arguments.all("readout")
    guard !readouts.isEmpty else { throw CLIError.usage("sweep needs at least one --readout ID") }
    guard !arguments.all("therapy").isEmpty else { throw CLIError.usage("sweep needs a --therapy to sweep") }
    func list(_ name: String) throws -> [Double]? {
        guard let text = arguments.value(name) else { return nil }
        // Empty items (`1,,2`, a trailing comma) are errors, not skipped.
        let values = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0.map { $0.isFinite && $0 >= 0 } == true }) else {
            throw CLIError.usage("--\(name) expects comma-separated non-negative numbers, got '\(OptionLimits.echo(text))'")
        }
        return values.compactMap { $0 }
    }
    let doses = try list("doses")
    let starts = try list("starts").map { values -> [Int] in
        // Whole step numbers only: Int(Double) traps on values beyond Int's range.
        let steps = values.compactMap { Int(exactly: $0) }.filter { $0 <= Schedule.maximumStep }
        guard steps.count == values.count else {
            throw CLIError.usage("--starts expects comma-separated whole step numbers, got '\(arguments.value("starts") ?? "")'")
        }
        return steps
    }
    guard (doses == nil) != (starts == nil) else { throw CLIError.usage("give exactly one of --doses and --starts") }
    let steps = try arguments.int("steps", default: 200)
    guard steps >= 1 else { throw CLIError.usage("--steps must be at least 1") }
    let reference = arguments.positionals[0]
    let graph = try ModelLoader.load(reference)
    try OptionLimits.checkRecord(steps: try arguments.int("steps", default: 200), nodes: graph.nodes.count)
    var scenario = try ScenarioOptions.scenario(
        from: arguments, graph: graph, reference: reference, logicalLevels: try EngineOptions.isLogical(arguments))
    guard let swept = scenario.therapies.last?.name else { throw CLIError.usage("sweep needs a --therapy to sweep") }
    if let text = arguments.value("full-effect-dose") {
        guard let value = Double(text), value > 0, value.isFinite else {
            throw CLIError.usage("--full-effect-dose expects a positive number, got '\(OptionLimits.echo(text))'")
        }
        scenario.therapies[scenario.therapies.count - 1].fullEffectDose = value
    }
    if let doses, let fullEffect = scenario.therapies.last?.fullEffectDose {
        let saturated = doses.filter { $0 > fullEffect }
        if !saturated.isEmpty {
            printError("warning: \(swept): dose(s) \(saturated.map { String(format: "%g", $0) }.joined(separator: ", ")) are above "
                + "the full-effect dose \(String(format: "%g", fullEffect)) and give the same effect as it (occupancy is capped at 1); "
                + "pass --full-effect-dose X to put full effect elsewhere")
        }
    }
    let model = try EngineOptions.engine(from: arguments, graph: graph)
    var curves: [DoseResponseCurve] = []
    do {
        for readout in readouts {
            if let doses {
                curves.append(try model.doseResponse(scenario, therapy: swept, doses: doses, readout: readout, at: .step(steps)))
            } else if let starts {
                curves.append(try model.startResponse(
                    scenario, therapy: swept, starts: starts, readout: readout, at: .step(steps)))
            }
        }
    } catch let error as PerturbationError {
        throw CLIError.input(error.message)
    } catch let error as EngineError {
        throw CLIError.input(error.message)
    }
    if let path = arguments.value("svg") { try writeOutput(CurvePlot.sweep(curves, logarithmicX: arguments.flag("log")).svg(), to: path) }
    let parameter = curves.first?.parameter ?? "dose"
    if arguments.flag("json") {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(curves), as: UTF8.self))
    } else if arguments.flag("csv") {
        var lines = [([parameter] + curves.map(\.readout)).joined(separator: ",")]
        for (k, point) in (curves.first?.points ?? []).enumerated() {
            lines.append(([String(point.parameter)] + curves.map { String($0.points[k].value) }).joined(separator: ","))
        }
        print(lines.joined(separator: "\n"))
    } else {
        print("\(swept): \(parameter) sweep, read at step \(steps)")
        var header = parameter.padding(toLength: 10, withPad: " ", startingAt: 0)
        for curve in curves { header += "  " + curve.readout.padding(toLength: max(10, curve.readout.count), withPad: " ", startingAt: 0) }
        print(header)
        for (k, point) in (curves.first?.points ?? []).enumerated() {
            var line = String(format: "%-10g", point.parameter)
            for curve in curves {
                line += "  " + String(format: "%.4f", curve.points[k].value).padding(toLength: max(10, curve.readout.count), withPad: " ", startingAt: 0)
            }
            print(line)
        }
        print("untreated: " + curves.map { "\($0.readout) \(String(format: "%.4f", $0.points.first?.baseline ?? 0))" }.joined(separator: ", "))
    }
    return 0
}
