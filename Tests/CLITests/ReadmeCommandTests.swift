import Foundation
import Testing

/// Every `swift run immunosim …` line of the README runs as written on a fresh clone: the files it
/// names ship under `Examples/`, and each command exits 0 (run from a scratch folder that sees
/// the package's `Examples/`, so the SVGs it writes land there).
@Suite("README commands")
struct ReadmeCommandTests {
    /// The `immunosim` command lines of the README's `sh` blocks, without `swift run immunosim`
    /// and trailing comments.
    static func commands() throws -> [[String]] {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var result: [[String]] = []
        var inShell = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = !inShell && line.hasPrefix("```sh")
                continue
            }
            guard inShell else { continue }
            var text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("swift run immunosim") else { continue }
            if let hash = text.range(of: " #") { text = String(text[..<hash.lowerBound]) }
            result.append(text.split(separator: " ").dropFirst(3).map(String.init))
        }
        return result
    }

    @Test("the README has immunosim commands, and the example files they name ship with the package")
    func examplesShip() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 12, "\(commands.count)")
        for word in commands.joined() where word.hasPrefix("Examples/") {
            #expect(FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent(word).path), "\(word)")
        }
    }

    @Test("every immunosim command of the README exits 0", arguments: try commands())
    func commandRuns(_ arguments: [String]) throws {
        guard let executable = CLI.executable else { throw CLIMissing() }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createSymbolicLink(
            at: scratch.appendingPathComponent("Examples"), withDestinationURL: CLI.packageRoot.appendingPathComponent("Examples"))
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = scratch
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "immunosim \(arguments.joined(separator: " ")): \(errors)")
        #expect(!output.isEmpty || arguments.contains("--svg"), "immunosim \(arguments.joined(separator: " ")) printed nothing")
        if let svg = arguments.firstIndex(of: "--svg").map({ arguments[$0 + 1] }) {
            #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent(svg).path), "\(svg) not written")
        }
    }
}
