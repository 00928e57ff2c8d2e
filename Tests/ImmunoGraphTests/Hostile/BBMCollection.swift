import Foundation

/// The model files of the Biodivine Boolean Models collection (github.com/sybila/biodivine-boolean-models),
/// when a copy is on this machine: a folder named by `BBM_MODELS` (model folders holding
/// model.bnet / model.sbml), or the git mirror /work/.mirror/sybila+biodivine-boolean-models/repo
/// read with `git cat-file --batch` (blobs the mirror lacks are skipped). Never copied into the
/// package.
enum BBMCollection {
    static let mirror = "/work/.mirror/sybila+biodivine-boolean-models/repo"

    /// (name, contents) of every model.bnet and model.sbml found; empty when there is no copy.
    static func files() -> [(String, Data)] {
        if let folder = ProcessInfo.processInfo.environment["BBM_MODELS"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.sorted().flatMap { name in
                ["model.bnet", "model.sbml"].compactMap { file -> (String, Data)? in
                    FileManager.default.contents(atPath: "\(folder)/\(name)/\(file)").map { ("\(name)/\(file)", $0) }
                }
            }
        }
        guard FileManager.default.fileExists(atPath: mirror) else { return [] }
        guard let listing = git(["ls-tree", "-r", "HEAD", "models"]) else { return [] }
        var wanted: [(String, String)] = []  // (path, hash)
        for line in String(decoding: listing, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, parts[1].hasSuffix("/model.bnet") || parts[1].hasSuffix("/model.sbml") else { continue }
            let fields = parts[0].split(separator: " ")
            guard fields.count == 3 else { continue }
            wanted.append((String(parts[1]), String(fields[2])))
        }
        let input = wanted.map(\.1).joined(separator: "\n") + "\n"
        guard let output = git(["cat-file", "--batch"], input: Data(input.utf8)) else { return [] }
        // Output: "<hash> blob <size>\n<contents>\n" or "<hash> missing\n", in input order.
        var result: [(String, Data)] = []
        var offset = output.startIndex
        for (path, _) in wanted {
            guard let newline = output[offset...].firstIndex(of: 10) else { break }
            let header = String(decoding: output[offset..<newline], as: UTF8.self).split(separator: " ")
            offset = newline + 1
            guard header.count == 3, let size = Int(header[2]) else { continue }
            let end = offset + size
            guard end <= output.endIndex else { break }
            result.append((String(path.dropFirst("models/".count)), Data(output[offset..<end])))
            offset = end + 1
        }
        return result
    }

    /// The deepest nesting of parentheses (bnet) or elements (XML) in `data`, by a byte scan.
    static func nesting(of data: Data) -> Int {
        var depth = 0, deepest = 0
        var previous: UInt8 = 0
        for byte in data {
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: "/") where previous == UInt8(ascii: "<"): depth -= 2  // "</" closes (the "<" opened one)
            case UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: ">") where previous == UInt8(ascii: "/"): depth -= 1  // "/>"
            case UInt8(ascii: "?") where previous == UInt8(ascii: "<"), UInt8(ascii: "!") where previous == UInt8(ascii: "<"): depth -= 1
            default: break
            }
            deepest = max(deepest, depth)
            previous = byte
        }
        return deepest
    }

    private static func git(_ arguments: [String], input: Data? = nil) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "--git-dir=\(mirror)"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let inPipe = Pipe()
        process.standardInput = inPipe
        do { try process.run() } catch { return nil }
        if let input {
            // Write from another thread: the output pipe must be drained while we write.
            let handle = inPipe.fileHandleForWriting
            Thread.detachNewThread {
                handle.write(input)
                try? handle.close()
            }
        } else {
            try? inPipe.fileHandleForWriting.close()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
