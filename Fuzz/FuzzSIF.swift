// libFuzzer entry point for the SIF reader.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSIF(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = try? ModelFormat.utf8Text(data, file: "fuzz.sif") else { return 0 }
    if let graph = try? SIFFormat.read(text, file: "fuzz.sif") {
        _ = MaBoSSFormat.write(graph)
        _ = DOTFormat.write(graph)
        _ = GraphMLFormat.write(graph)
    }
    return 0
}
