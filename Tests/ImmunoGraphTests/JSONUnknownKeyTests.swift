import Foundation
import ImmunoGraph
import Testing

/// A misspelt key in a model file must be an error at its place, never a silently dropped field:
/// `{"id": "B", "rul": "A"}` would otherwise load B without its rule.
@Suite("JSON models refuse unknown keys")
struct JSONUnknownKeyTests {
    private func error(_ text: String) -> ModelReadError? {
        do {
            _ = try JSONFormat.read(Data(text.utf8), file: "m.json")
            return nil
        } catch let error as ModelReadError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func aMisspeltRuleIsLocatedAndCorrected() throws {
        let text = """
            {"format": "immunograph", "version": 1, "name": "x",
             "nodes": [{"id": "A"},
                       {"id": "B", "rul": "A"}],
             "edges": []}
            """
        let e = try #require(error(text))
        #expect(e.file == "m.json")
        #expect(e.line == 3)
        #expect(e.path == "nodes[1].rul")
        #expect(e.message.contains("unknown key 'rul'"), "\(e)")
        #expect(e.message.contains("did you mean 'rule'?"), "\(e)")
    }

    @Test func unknownKeysAreRefusedAtEveryLevel() throws {
        let header = #"{"format": "immunograph", "version": 1, "name": "x", "#
        let cases: [(String, String)] = [
            (header + #""nodes": [], "edges": [], "edgse": []}"#, "edgse"),
            (header + #""nodes": [{"id": "A", "levelRules": {"terms": [{"when": "A", "levle": 1}]}}], "edges": []}"#, "levle"),
            (header + #""nodes": [{"id": "A"}], "edges": [{"source": "A", "target": "A", "sign": "activates", "wieght": 2}]}"#, "wieght"),
            (header + #""nodes": [{"id": "A"}], "edges": [{"source": "A", "target": "A", "sign": "activates", "evidence": [{"source": {"file": "f", "page": 2}, "location": "l", "paraphrase": "p", "strength": "stated"}]}]}"#, "page"),
            (header + #""nodes": [{"id": "A"}], "edges": [], "backgrounds": [{"name": "b", "clamps": [{"node": "A", "lvl": 0}]}]}"#, "lvl"),
        ]
        for (text, key) in cases {
            let e = try #require(error(text), "\(key) was accepted")
            #expect(e.message.contains("unknown key '\(key)'"), "\(e)")
            #expect(e.line != nil && e.column != nil, "\(e)")
        }
    }

    @Test func everyBuiltInModelStillLoads() throws {
        for (name, load) in Catalog.models {
            #expect(try load().nodeCount > 0, "\(name)")
        }
    }
}
