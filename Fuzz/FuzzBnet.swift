// libFuzzer entry point for the bnet reader. Built by Scripts/fuzz.sh with
// swiftc -sanitize=fuzzer,address -parse-as-library Fuzz/FuzzBnet.swift Sources/ImmunoGraph/**/*.swift
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBnet(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = try? ModelFormat.utf8Text(data, file: "fuzz.bnet") else { return 0 }
    if let graph = try? BnetFormat.read(text, file: "fuzz.bnet") {
        // Whatever was accepted must write and read back to the same rules.
        let back = try? BnetFormat.read(BnetFormat.write(graph), undefinedNames: .error)
        guard let back, back.nodes.map(\.id) == graph.nodes.map(\.id) else { fatalError("bnet round trip lost nodes") }
        for node in graph.nodes where back.node(node.id)?.rule != graph.effectiveRule(for: graph.index(of: node.id) ?? 0) {
            fatalError("bnet round trip changed the rule of \(node.id)")
        }
    }
    return 0
}
