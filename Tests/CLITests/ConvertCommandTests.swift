import Foundation
import ImmunoGraph
import Testing

/// Runs the built `immunosim` binary (from .build/debug next to this package).
private func immunosim(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let binary = root.appendingPathComponent(".build/debug/immunosim")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

private let binaryExists: Bool = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return FileManager.default.isExecutableFile(atPath: root.appendingPathComponent(".build/debug/immunosim").path)
}()

@Suite("CLI: convert", .enabled(if: binaryExists))
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
