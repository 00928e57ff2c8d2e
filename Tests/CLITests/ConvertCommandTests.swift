import Foundation
import ImmunoGraph
import Testing

/// Runs the built `immunosim` (see CLISupport); a missing binary is a failure, not a skip.
private func immunosim(_ arguments: [String]) throws -> CLIRun {
    guard let run = try CLI.run(arguments) else { throw CLIMissing() }
    return run
}

@Suite("CLI: convert")
struct ConvertCommandTests {
    @Test func convertsToEveryFormatAndBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let flagship = try Catalog.flagship()
        for (format, ext) in [("sbml", "sbml"), ("json", "json"), ("bnet", "bnet"), ("sif", "sif")] {
            let path = dir.appendingPathComponent("flagship.\(ext)").path
            let result = try immunosim(["convert", "builtin:flagship", "--to", format, "-o", path])
            #expect(result.status == 0, "\(result.stderr)")
            let back = try ModelLoader.load(path)
            #expect(Set(back.nodes.map(\.id)) == Set(flagship.nodes.map(\.id)), "\(format)")
            if format != "sif" { #expect(back.nodes.map(\.id) == flagship.nodes.map(\.id), "\(format)") }
            #expect(Set(back.edges.map(\.arrowDescription)) == Set(flagship.edges.map(\.arrowDescription)), "\(format)")
        }
        let dot = try immunosim(["convert", "builtin:flagship", "--to", "dot"])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph") && dot.stdout.contains("arrowhead=tee"))
        let maboss = try immunosim(["convert", "builtin:flagship", "--to", "maboss", "-o", dir.appendingPathComponent("m").path])
        #expect(maboss.status == 0)
        let bnd = try String(contentsOf: dir.appendingPathComponent("m.bnd"), encoding: .utf8)
        #expect(bnd.contains("Node ANTI_PD1 {") && bnd.contains("$High_ANTI_PD1"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.cfg").path))
    }

    @Test func badInvocationsExplainThemselves() throws {
        let noOutput = try immunosim(["convert", "builtin:flagship", "--to", "maboss"])
        #expect(noOutput.status == 2 && noOutput.stderr.contains("-o"))
        let unknown = try immunosim(["convert", "builtin:flagship", "--to", "pdf"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown format 'pdf'"))
        let hostile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ImmunoGraphTests/Resources/hostile/unknown_mathml.sbml").path
        let bad = try immunosim(["convert", hostile, "--to", "bnet"])
        #expect(bad.status == 1 && bad.stderr.contains("unsupported MathML element <plus>") && bad.stderr.contains("transition[1]"))
    }
}
