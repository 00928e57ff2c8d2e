import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim convert MODEL --to FORMAT [-o OUT]`: writes a model in another exchange format.
let convertCommand = Command(
    name: "convert",
    summary: "Convert a model to bnet, SBML-qual, JSON, MaBoSS (.bnd/.cfg), SIF, DOT or GraphML.",
    usage: "MODEL --to bnet|sbml|json|maboss|sif|dot|graphml [-o OUT] [--sif-style numeric|arrows|words] [--levels thermometer|projection]",
    options: [
        OptionSpec(name: "to", value: "FORMAT", help: "Output format: bnet, sbml, json, maboss, sif, dot or graphml."),
        OptionSpec(name: "output", short: "o", value: "OUT",
            help: "Output file (default: standard output). For maboss, the prefix of OUT.bnd and OUT.cfg (required)."),
        OptionSpec(name: "sif-style", value: "STYLE", help: "SIF sign style: numeric (1/-1, default), arrows (->/-|) or words."),
        OptionSpec(name: "levels", value: "CODING",
            help: "Multi-valued nodes in Boolean formats. maboss: thermometer (default: X, X_b2, ..., one variable per level, "
                + "exact) or projection (one variable per node, level >= 1; lossy). bnet: thermometer writes the same coding "
                + "(exact under asynchronous updating only); without it a multi-valued model is refused."),
    ],
    examples: [
        "immunosim convert builtin:flagship --to sbml -o flagship.sbml",
        "immunosim convert model.bnet --to maboss -o model",
        "immunosim convert model.sbml --to sif --sif-style arrows",
        "immunosim convert builtin:tme --to bnet --levels thermometer -o tme.bnet",
    ],
    run: { arguments in
        guard arguments.positionals.count == 1 else {
            throw CLIError.usage("convert takes exactly one MODEL argument")
        }
        guard let format = arguments.value("to") else {
            throw CLIError.usage("convert needs --to bnet|sbml|json|maboss|sif|dot|graphml")
        }
        let levels = try arguments.value("levels").map { _ in
            try arguments.choice("levels", MaBoSSFormat.MultiValued.allCases.map(\.rawValue), default: "thermometer")
        }
        if levels != nil, !["maboss", "bnet"].contains(format) {
            throw CLIError.usage("--levels applies to --to maboss and --to bnet only")
        }
        if levels == "projection", format == "bnet" {
            throw CLIError.usage("--levels projection would lose levels silently in bnet; use --levels thermometer, --to sbml or --to json")
        }
        let output = arguments.value("output")
        let graph = try ModelLoader.load(arguments.positionals[0])
        // Warnings of a model file were printed by the loader; the rest (and a built-in's) here.
        let fromFile = !arguments.positionals[0].hasPrefix("builtin:")
        for diagnostic in graph.diagnostics where !(fromFile && diagnostic.severity == .warning) {
            printError("\(arguments.positionals[0]): \(diagnostic)")
        }
        if ["bnet", "maboss", "sif"].contains(format) { warnAboutAntibodies(in: graph, format: format) }
        switch format {
        case "bnet": try writeOutput(BnetFormat.write(graph, thermometer: levels == "thermometer"), to: output)
        case "sbml": try writeOutput(SBMLQualWriter.write(graph), to: output)
        case "json": try writeOutput(String(decoding: try JSONFormat.write(graph), as: UTF8.self), to: output)
        case "sif":
            let style = try arguments.choice("sif-style", SIFFormat.SignStyle.allCases.map(\.rawValue), default: "numeric")
            try writeOutput(SIFFormat.write(graph, style: SIFFormat.SignStyle(rawValue: style) ?? .numeric), to: output)
        case "dot": try writeOutput(DOTFormat.write(graph), to: output)
        case "graphml": try writeOutput(GraphMLFormat.write(graph), to: output)
        case "maboss":
            guard let output, output != "-" else {
                throw CLIError.usage("--to maboss writes two files and needs -o PREFIX (writes PREFIX.bnd and PREFIX.cfg)")
            }
            var prefix = output
            for ext in [".bnd", ".cfg"] where prefix.hasSuffix(ext) { prefix.removeLast(ext.count) }
            let coding = MaBoSSFormat.MultiValued(rawValue: levels ?? "thermometer") ?? .thermometer
            let (bnd, cfg) = MaBoSSFormat.write(graph, settings: .init(multiValued: coding))
            try writeOutput(bnd, to: prefix + ".bnd")
            try writeOutput(cfg, to: prefix + ".cfg")
        default:
            throw CLIError.usage("unknown format '\(format)' for --to; expected bnet, sbml, json, maboss, sif, dot or graphml")
        }
        return 0
    }
)

/// Antibody edges (a therapy's inhibiting `blocks` edge) mean different things to the two engines:
/// the graded engine blocks the target's *influence* on its regulated nodes and leaves the target's
/// own level alone; the logical rules (and so bnet, MaBoSS and SIF, which carry no mechanism) read
/// the antibody as an inhibitor of the target's *level*. Says so, naming the edges, when exporting
/// to a format that keeps only the logical reading.
func warnAboutAntibodies(in graph: MechanismGraph, format: String) {
    let antibodies = ScreenPlan.antibodyEquivalents(in: graph).sorted { $0.key < $1.key }
    guard !antibodies.isEmpty else { return }
    let edges = antibodies.flatMap { target, therapies in therapies.map { "\($0) -| \(target)" } }
    printError("warning: \(format) keeps the logical reading of \(edges.count) antibody edge(s) (\(edges.prefix(6).joined(separator: ", "))"
        + (edges.count > 6 ? ", …" : "") + "): the antibody switches its target off. The graded engine instead blocks the "
        + "target's influence and leaves its level; tools reading this \(format) match 'immunosim … --semantics logical'.")
}
