import Foundation
import ImmunoGraph
import ImmunoSim

/// Entry point: `immunosim SUBCOMMAND [ARGUMENTS]`. Exit codes: 0 ok, 1 bad input, 2 usage.
func runMain(_ words: [String]) -> Int32 {
    let overview = """
        OVERVIEW: Mechanism-graph simulation of tumour immunology.

        USAGE: immunosim <subcommand> [arguments]

        SUBCOMMANDS:
        \(allCommands.map { "  " + $0.name.padding(toLength: 14, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

        Every command accepts --strict: warnings about a model file (a bnet name without a rule,
        an SBML sign conflict) become errors instead of lines on standard error; and
        --input-format bnet|sbml|json|sif: read model files in that format whatever their
        extension (a BoolNet .txt file as bnet).

        See 'immunosim <subcommand> --help' for details.
        """
    guard let first = words.first else {
        printError(overview)
        return 2
    }
    if first == "--help" || first == "-h" || first == "help" {
        print(overview)
        return 0
    }
    guard let command = allCommands.first(where: { $0.name == first }) else {
        let hint = Arguments.nearest(to: first, in: allCommands.map(\.name), within: 2).map { " Did you mean '\($0)'?" } ?? ""
        printError("immunosim: error: unknown subcommand '\(first)'.\(hint)\nSee 'immunosim --help'.")
        return 2
    }
    var rest = Array(words.dropFirst())
    // --strict is global: any command refuses a model with warnings.
    if let k = rest.firstIndex(of: "--strict"), rest.firstIndex(of: "--").map({ k < $0 }) ?? true {
        rest.remove(at: k)
        ModelLoader.strict = true
    }
    // --input-format FMT is global too: model files are read in FMT whatever their extension.
    if let k = rest.firstIndex(where: { $0 == "--input-format" || $0.hasPrefix("--input-format=") }),
        rest.firstIndex(of: "--").map({ k < $0 }) ?? true
    {
        let inline = rest[k].hasPrefix("--input-format=") ? String(rest[k].dropFirst("--input-format=".count)) : nil
        let name = inline ?? (k + 1 < rest.count ? rest[k + 1] : "")
        guard let format = ModelFormat(rawValue: name) else {
            printError("immunosim \(command.name): error: --input-format must be one of "
                + "\(ModelFormat.allCases.map(\.rawValue).joined(separator: ", ")); got '\(name.prefix(40))'")
            return 2
        }
        rest.removeSubrange(k..<(inline == nil ? min(k + 2, rest.count) : k + 1))
        ModelLoader.format = format
    }
    if rest.contains("--help") || rest.contains("-h") {
        print(command.help)
        return 0
    }
    do {
        let arguments = try Arguments.parse(rest, options: command.options)
        return try command.run(arguments)
    } catch let error as CLIError {
        switch error {
        case .usage(let message):
            printError("immunosim \(command.name): error: \(message)\nUsage: immunosim \(command.name) \(command.usage)")
            return 2
        case .input(let message):
            printError("immunosim \(command.name): error: \(message)")
            return 1
        }
    } catch let error as GraphValidationError {
        printError("immunosim \(command.name): error: \(error.description)")
        return 1
    } catch {
        // Our errors describe themselves; a Foundation error is given in words, without its domain and code.
        let text = "\(error)"
        let words = text.contains("Domain=") || text.contains("Code=") ? (error as NSError).localizedDescription : text
        printError("immunosim \(command.name): error: \(words)")
        return 1
    }
}

exit(runMain(Array(CommandLine.arguments.dropFirst())))
