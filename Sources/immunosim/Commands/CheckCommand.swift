import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim check HYPOTHESES.json [--model MODEL]`: one line per hypothesis; exit 1 if any fails.
let checkCommand = Command(
    name: "check",
    summary: "Check a JSON file of hypotheses against a model; exit 1 if any fails.",
    usage: "HYPOTHESES.json [--model MODEL] [--semantics graded|logical] [--logic NAME] [--update sync|async] [--verbose]",
    options: EngineOptions.specs.filter { $0.name != "warmup" } + [
        OptionSpec(name: "model", value: "MODEL", help: "The model (overrides the file's \"model\")."),
        OptionSpec(name: "verbose", short: "v", help: "Print every verdict in full, not only failures."),
    ],
    examples: [
        "immunosim check hypotheses.json",
        "immunosim check hypotheses.json --model my-model.sbml",
        "immunosim check hypotheses.json --semantics logical --update async",
    ],
    run: { arguments in
        guard arguments.positionals.count == 1 else { throw CLIError.usage("check takes exactly one HYPOTHESES.json argument") }
        let path = arguments.positionals[0]
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.input("\(path): cannot read the file: \(error.localizedDescription)")
        }
        let file: HypothesisFile
        do {
            file = try HypothesisFile.read(data, file: path)
        } catch let error as PerturbationError {
            throw CLIError.input(error.message)
        }
        guard var reference = arguments.value("model") ?? file.model else {
            throw CLIError.usage("the file names no \"model\"; pass --model MODEL")
        }
        // A relative model path in the file is relative to the file.
        if arguments.value("model") == nil, !reference.hasPrefix("builtin:"), !reference.hasPrefix("/") {
            reference = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(reference).path
        }
        let graph = try ModelLoader.load(reference)
        // --semantics (or any engine flag) overrides every hypothesis's own semantics.
        let override = EngineOptions.specs.contains { arguments.value($0.name) != nil }
        let engine = override ? try EngineOptions.engine(from: arguments, graph: graph) : nil
        let model = try CompiledGradedModel(graph)
        var failures = 0
        for hypothesis in file.hypotheses {
            do {
                let verdict: Verdict
                if let engine {
                    verdict = try hypothesis.check(with: engine, reference: reference)
                } else {
                    verdict = try hypothesis.check(on: model, reference: reference)
                }
                let effect = verdict.outcomes.map(\.observed).joined(separator: "; ")
                let chain = verdict.explanations.first?.chains.first?.text
                    ?? verdict.outcomes.compactMap(\.chain).first ?? "no chain"
                var line = "\(verdict.holds ? "PASS" : "FAIL")  \(hypothesis.name)  |  \(effect)  |  \(chain)"
                if let fraction = verdict.passFraction, let variants = verdict.variants {
                    line += String(format: "  |  robust in %.0f%% of %d", fraction * 100, variants)
                }
                print(line)
                if !verdict.holds || arguments.flag("verbose") {
                    print(verdict.description.split(separator: "\n").dropFirst().map { "    " + $0 }.joined(separator: "\n"))
                }
                if !verdict.holds { failures += 1 }
            } catch {
                print("FAIL  \(hypothesis.name)  |  error: \(error)")
                failures += 1
            }
        }
        print("\(file.hypotheses.count - failures) passed, \(failures) failed")
        return failures == 0 ? 0 : 1
    }
)
