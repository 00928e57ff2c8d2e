import ImmunoGraph
import ImmunoSim
import ImmunoSimTesting
import XCTest

final class XCTAssertHoldsTests: XCTestCase {
    func testPD1BlockadeRaisesTIM3() throws {
        XCTAssertHolds(
            try Hypothesis("anti-PD-1 raises TIM-3", therapies: ["ANTI_PD1"], expect: [.direction(node: "TIM3", .up)])
                .check(on: Catalog.flagship()))
    }

    func testAFailingVerdictProducesTheFullMessage() throws {
        let failure = holdsFailureMessage(
            try Hypothesis("anti-PD-1 lowers TIM-3", therapies: ["ANTI_PD1"], expect: [.direction(node: "TIM3", .down)])
                .check(on: Catalog.flagship()), "model v2")
        let text = try XCTUnwrap(failure)
        XCTAssertTrue(text.hasPrefix("model v2\nFAIL anti-PD-1 lowers TIM-3"), text)
        XCTAssertTrue(text.contains("expected TIM3 down; got TIM3"), text)
    }

    func testAThrowingCheckIsAFailureNotACrash() {
        let failure = holdsFailureMessage(
            try Hypothesis("typo", therapies: ["ANTI_PD1"], expect: [.direction(node: "TIM-3", .up)]).check(on: Catalog.flagship()))
        XCTAssertTrue(failure?.contains("did you mean TIM3?") == true)
    }

    func testAHoldingVerdictHasNoMessage() throws {
        XCTAssertNil(holdsFailureMessage(
            try Hypothesis("ok", therapies: ["ANTI_PD1"], expect: [.direction(node: "TUMOR_BURDEN", .down)]).check(on: Catalog.flagship())))
    }
}
