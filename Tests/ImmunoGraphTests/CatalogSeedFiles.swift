import Foundation

/// An independent reader of the curated `seeds/` files and of the shared curation tables, used
/// by the catalog tests to check the built-in model against its sources.
enum CatalogSeedFiles {
    /// One evidence record row.
    struct Record: Hashable {
        var id: String
        var file: String
        var location: String
        var strength: String
        var paraphrase: String
    }

    /// One seeds file: its header block and records.
    struct Paper {
        var file: String
        var header: [String: String]
        var records: [Record]
    }

    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared design folder next to the package (`../shared`), if it is present.
    static var sharedFolder: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Reads every `seeds/NNN-*.md` file, in name order.
    static func papers() throws -> [Paper] {
        let folder = packageRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.range(of: #"^\d{3}-[a-z0-9-]+\.md$"#, options: .regularExpression) != nil }
            .sorted()
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return parse(text, file: "seeds/" + name)
        }
    }

    /// Parses one seeds file: `- key: value` header lines, then `| id | location | strength | paraphrase |` rows.
    static func parse(_ text: String, file: String) -> Paper {
        var header: [String: String] = [:]
        var records: [Record] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if records.isEmpty, line.hasPrefix("- "), let colon = line.firstIndex(of: ":") {
                let key = String(line[line.index(line.startIndex, offsetBy: 2)..<colon])
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if key.allSatisfy({ $0.isLetter }) { header[key] = value }
                continue
            }
            guard line.hasPrefix("| S") else { continue }
            var cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            cells.removeFirst()
            cells.removeLast()
            guard cells.count == 4, cells[0].range(of: #"^S\d{3}-\d{2}$"#, options: .regularExpression) != nil else {
                records.append(Record(id: cells.first ?? "", file: file, location: "", strength: "malformed", paraphrase: line))
                continue
            }
            records.append(Record(id: cells[0], file: file, location: cells[1], strength: cells[2], paraphrase: cells[3]))
        }
        return Paper(file: file, header: header, records: records)
    }

    /// Rows of a tab-separated file with a header line, as dictionaries.
    static func tsv(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        guard let first = lines.first else { return [] }
        let columns = first.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (i, column) in columns.enumerated() { row[column] = i < cells.count ? cells[i] : "" }
            return row
        }
    }

    /// Lower-case words of a text, with line-break hyphenation of the source PDFs undone.
    static func words(_ text: String) -> [String] {
        let joined = text.replacingOccurrences(of: "-\n", with: "").replacingOccurrences(of: "- ", with: "")
        return joined.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
    }

    /// The rows of a Markdown table whose first cell matches `idPattern`, split into trimmed cells.
    static func tableRows(_ text: String, idPattern: String) -> [[String]] {
        text.split(separator: "\n").compactMap { line -> [String]? in
            guard line.hasPrefix("|") else { return nil }
            var cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { return nil }
            cells.removeFirst()
            cells.removeLast()
            guard cells[0].range(of: idPattern, options: .regularExpression) != nil else { return nil }
            return cells
        }
    }
}
