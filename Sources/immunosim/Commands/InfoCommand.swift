import ImmunoGraph
import ImmunoSim

/// `immunosim info MODEL [--json]`: counts by kind and sign, feedback loops, diagnostics.
let infoCommand = Command(
    name: "info",
    summary: "Summarise a model: nodes by kind, edges by sign, feedback loops and diagnostics.",
    usage: "MODEL [--json] [--max-loop-length N]",
    options: [
        OptionSpec(name: "json", help: "Print JSON instead of text."),
        OptionSpec(name: "max-loop-length", value: "N", help: "Longest feedback loop to list (default 8)."),
        OptionSpec(name: "svg", value: "OUT", help: "Also draw the network to OUT (SVG; nodes by kind, edges by sign)."),
        OptionSpec(name: "around", value: "ID", help: "With --svg: draw only the neighbourhood of ID."),
        OptionSpec(name: "radius", value: "K", help: "With --around: the neighbourhood radius in edges (default 1)."),
    ],
    examples: [
        "immunosim info builtin:flagship", "immunosim info model.json --json",
        "immunosim info builtin:tme --svg tim3.svg --around TIM3",
    ],
    run: { arguments in
        guard arguments.positionals.count == 1 else {
            throw CLIError.usage("info takes exactly one MODEL argument")
        }
        let graph = try ModelLoader.load(arguments.positionals[0])
        let maxLength = try arguments.int("max-loop-length", default: 8)
        if let path = arguments.value("svg") {
            var drawn = graph
            var title = drawn.name
            var focus: Set<Int> = []
            if let center = arguments.value("around") {
                guard let i = graph.index(of: center) else { throw CLIError.input(graph.unknownNodeMessage(center)) }
                let radius = try arguments.int("radius", default: 1)
                drawn = graph.neighbourhood(of: [i], radius: radius)
                // The focal node is highlighted and named in the title.
                let id = graph.nodes[i].id
                if let j = drawn.index(of: id) { focus = [j] }
                title = "\(graph.name): \(id) and its neighbours within \(radius) edge\(radius == 1 ? "" : "s")"
            } else if arguments.value("radius") != nil {
                throw CLIError.usage("--radius applies with --around ID")
            }
            try writeOutput(NetworkDiagram(graph: drawn, title: title, highlightedNodes: focus).svg(), to: path)
            if drawn.nodeCount > 40 {
                printError("note: \(drawn.nodeCount) nodes make a dense drawing; --around ID --radius 1 draws a readable neighbourhood")
            }
        }
        let loops = graph.feedbackLoops(maxLength: maxLength, limit: 1000)
        var kinds: [String: Int] = [:]
        for node in graph.nodes { kinds[node.kind.rawValue, default: 0] += 1 }
        var signs: [String: Int] = [:]
        for edge in graph.edges { signs[edge.sign.rawValue, default: 0] += 1 }
        let uncited = graph.edges.filter { $0.evidence.isEmpty }.count
        if arguments.flag("json") {
            let object: [String: Any] = [
                "name": graph.name,
                "nodes": graph.nodeCount,
                "edges": graph.edgeCount,
                "nodesByKind": kinds,
                "edgesBySign": signs,
                "edgesWithoutEvidence": uncited,
                "feedbackLoops": loops.map { loop in
                    ["sign": loop.sign == .activates ? "positive" : "negative", "length": loop.length,
                     "path": graph.describe(loop)] as [String: Any]
                },
                "diagnostics": graph.diagnostics.map { d in
                    ["severity": d.severity.rawValue, "code": d.code, "subject": d.subject, "message": d.message]
                },
            ]
            print(try jsonText(object))
            return 0
        }
        print("\(graph.name): \(graph.nodeCount) nodes, \(graph.edgeCount) edges")
        print("nodes by kind:")
        for (kind, count) in kinds.sorted(by: { $0.key < $1.key }) { print("  \(kind): \(count)") }
        print("edges by sign:")
        for (sign, count) in signs.sorted(by: { $0.key < $1.key }) { print("  \(sign): \(count)") }
        print("edges without evidence: \(uncited)")
        let positive = loops.filter { $0.sign == .activates }.count
        print("feedback loops (length <= \(maxLength)): \(loops.count) (\(positive) positive, \(loops.count - positive) negative)")
        for loop in loops.prefix(20) {
            print("  [\(loop.sign == .activates ? "+" : "-")] \(graph.describe(loop))")
        }
        if loops.count > 20 { print("  … \(loops.count - 20) more") }
        if graph.diagnostics.isEmpty {
            print("diagnostics: none")
        } else {
            print("diagnostics: \(graph.diagnostics.count)")
            for diagnostic in graph.diagnostics { print("  \(diagnostic)") }
        }
        return 0
    }
)
