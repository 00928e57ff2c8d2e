public import ImmunoSim
import XCTest

/// Asserts that a hypothesis verdict holds; on failure, records the verdict's full message —
/// what was expected, what came out, and the chain that should have carried the effect — at the
/// call site.
///
/// ```swift
/// func testPD1BlockadeRaisesTIM3() throws {
///     XCTAssertHolds(try Hypothesis("anti-PD-1 raises TIM-3", therapies: ["ANTI_PD1"],
///                                   expect: [.direction(node: "TIM3", .up)]).check(on: model))
/// }
/// ```
public func XCTAssertHolds(
    _ verdict: @autoclosure () throws -> Verdict, _ message: @autoclosure () -> String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    if let failure = holdsFailureMessage(try verdict(), message()) {
        XCTFail(failure, file: file, line: line)
    }
}

/// The failure message `XCTAssertHolds` records, or `nil` when the verdict holds: the optional
/// user message, then the verdict's full description (or what the check threw).
public func holdsFailureMessage(_ verdict: @autoclosure () throws -> Verdict, _ message: String = "") -> String? {
    let prefix = message.isEmpty ? "" : message + "\n"
    do {
        let result = try verdict()
        return result.holds ? nil : prefix + result.description
    } catch {
        return prefix + "checking the hypothesis threw: \(error)"
    }
}
