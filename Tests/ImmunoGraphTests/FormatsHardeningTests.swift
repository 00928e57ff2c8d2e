import Foundation
import ImmunoGraph
import Testing

/// Regression tests for the formats audit: located JSON syntax errors, file names on validation
/// errors, empty SIF / qual-less SBML, Boolean-only bnet, MaBoSS comments, SBML sign conflicts,
/// parser wording and large SBML documents.
@Suite("Formats hardening")
struct FormatsHardeningTests {
    private func readError(_ body: () throws -> MechanismGraph) -> ModelReadError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ModelReadError
        }
    }

    // MARK: Parser wording

    @Test("bnet: a rule that ends early says 'unexpected end of line'")
    func bnetEndOfLineWording() throws {
        let error = try #require(readError { try BnetFormat.read("A, A\nB, A &\n", file: "x.bnet") })
        #expect(error.message.hasPrefix("unexpected end of line; expected"), "\(error)")
        #expect(!error.message.contains("the end of the line;"))
    }
}
