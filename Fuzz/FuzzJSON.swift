// libFuzzer entry point for the JSON reader.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if let graph = try? JSONFormat.read(data, file: "fuzz.json") {
        _ = SBMLQualWriter.write(graph)
        _ = try? BnetFormat.write(graph)
    }
    return 0
}
