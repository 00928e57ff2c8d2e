import Foundation

/// A single-pass, byte-level bnet parser. Names are ASCII letters, digits, `_` and `.` (anything
/// else is an error naming the character); each distinct name is interned as one `String`.
///
/// Same grammar as ``ExpressionParser`` (`!`, `&`, `|`, parentheses, `0`/`1`/`true`/`false`,
/// comparisons), parsed without recursion: any number of nested parentheses reads (memory, not
/// the call stack, is the bound); see ``parseRule()`` for the depth of the resulting expression.
struct BnetParser {
    struct Line {
        var target: String
        var rule: Expression
        var line: Int
        var ruleColumn: Int
        var targetColumn: Int
        /// The target's interned name index.
        var targetIndex: Int32
        /// The rule's atoms as (name index, polarity bits: 1 positive, 2 negative, 3 both) are
        /// `atoms[atomStart..<atomEnd]`, in order of appearance.
        var atomStart: Int
        var atomEnd: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String?
    var position = 0
    var line = 1
    var lineStart = 0
    /// Open-addressing table of name indices (+1; 0 = empty), capacity a power of two.
    var table = [Int32](repeating: 0, count: 1024)
    var hashes: [Int] = []
    var names: [String] = []
    var arena: [UInt8] = []
    var offsets: [Int] = [0]
    /// Atoms of all rules: name index and polarity bits.
    var atoms: [(name: Int32, bits: UInt8)] = []
    var negations = 0
    var lastInterned: Int32 = 0

    init(bytes: UnsafeBufferPointer<UInt8>, file: String?) {
        self.bytes = bytes
        self.file = file
    }

    @inline(__always) static func isName(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || c == 46
    }

    func error(_ message: String, at offset: Int? = nil) -> ModelReadError {
        let at = min(offset ?? position, bytes.count)
        // Column in characters: count UTF-8 lead bytes from the start of the line.
        var column = 1
        var k = lineStart
        while k < at {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return ModelReadError(file: file, line: line, column: column, message: message)
    }

    mutating func intern(_ start: Int, _ end: Int) -> String {
        var hash = 5381
        for k in start..<end { hash = (hash &* 33) &+ Int(bytes[k]) }
        var mask = table.count - 1
        var slot = hash & mask
        while table[slot] != 0 {
            let index = Int(table[slot] - 1)
            if hashes[index] == hash && offsets[index + 1] - offsets[index] == end - start {
                let offset = offsets[index]
                let same = arena.withUnsafeBufferPointer { stored in
                    guard let a = stored.baseAddress, let b = bytes.baseAddress else { return false }
                    return memcmp(a + offset, b + start, end - start) == 0
                }
                if same {
                    lastInterned = Int32(index)
                    return names[index]
                }
            }
            slot = (slot + 1) & mask
        }
        let index = names.count
        arena.append(contentsOf: bytes[start..<end])
        offsets.append(arena.count)
        hashes.append(hash)
        names.append(String(decoding: bytes[start..<end], as: UTF8.self))
        table[slot] = Int32(index + 1)
        lastInterned = Int32(index)
        if names.count * 2 > table.count {
            table = [Int32](repeating: 0, count: table.count * 2)
            mask = table.count - 1
            for (i, h) in hashes.enumerated() {
                var s = h & mask
                while table[s] != 0 { s = (s + 1) & mask }
                table[s] = Int32(i + 1)
            }
        }
        return names[index]
    }

    @inline(__always) mutating func skipSpace() {
        while position < bytes.count {
            let c = bytes[position]
            if c == 32 || c == 9 || c == 13 { position += 1 } else { break }
        }
    }

    @inline(__always) var atLineEnd: Bool {
        position >= bytes.count || bytes[position] == 10 || bytes[position] == 35  // '\n' or '#'
    }

    /// Parses the whole document into lines (header and comments skipped).
    mutating func parseDocument() throws -> [Line] {
        var result: [Line] = []
        var sawContent = false
        while position < bytes.count {
            lineStart = position
            skipSpace()
            if atLineEnd {
                skipToNextLine()
                continue
            }
            // Target.
            let targetStart = position
            while position < bytes.count, BnetParser.isName(bytes[position]) { position += 1 }
            let targetEnd = position
            skipSpace()
            guard position < bytes.count, bytes[position] == 44 else {  // ','
                if targetEnd == targetStart {
                    throw error("unexpected character; expected a target name at the start of the line")
                }
                throw error("expected ',' after the target name (a line is 'target, rule')")
            }
            guard targetEnd > targetStart else { throw error("missing target name before ','", at: targetStart) }
            var allDigits = true
            for k in targetStart..<targetEnd where bytes[k] < 48 || bytes[k] > 57 { allDigits = false }
            if allDigits { throw error("'\(String(decoding: bytes[targetStart..<targetEnd], as: UTF8.self))' is not a valid node name (it is a number)", at: targetStart) }
            position += 1
            if !sawContent {
                sawContent = true
                let word = String(decoding: bytes[targetStart..<targetEnd], as: UTF8.self).lowercased()
                if word == "targets" {
                    skipToNextLine()
                    continue
                }
            }
            let target = intern(targetStart, targetEnd)
            let targetIndex = lastInterned
            let ruleColumn = position - lineStart + 1
            skipSpace()
            if atLineEnd { throw error("empty rule; expected an expression after ','") }
            negations = 0
            let atomStart = atoms.count
            let rule = try parseRule()
            skipSpace()
            guard atLineEnd else {
                throw error("unexpected \(describeHere()); expected '&', '|' or the end of the line")
            }
            result.append(Line(target: target, rule: rule, line: line, ruleColumn: ruleColumn,
                targetColumn: targetStart - lineStart + 1, targetIndex: targetIndex, atomStart: atomStart, atomEnd: atoms.count))
            skipToNextLine()
        }
        return result
    }

    mutating func skipToNextLine() {
        while position < bytes.count && bytes[position] != 10 { position += 1 }
        if position < bytes.count {
            position += 1
            line += 1
        }
        lineStart = position
    }

    func describeHere() -> String {
        guard position < bytes.count, bytes[position] != 10 else { return "end of line" }
        let c = bytes[position]
        if c >= 32 && c < 127 { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(String(c, radix: 16))"
    }

    /// One open group while parsing a rule: the rule itself or a parenthesis.
    private struct Frame {
        /// The offset of the '(' (−1 for the rule itself).
        var open: Int
        /// '!'s read before the operand being parsed.
        var nots = 0
        var andItems: [Expression] = []
        var andDepth = 0
        var orItems: [Expression] = []
        var orDepth = 0
    }

    /// Parses one rule with an explicit stack of open parentheses — no recursion, so nesting is
    /// bounded by memory (the line's length), not by the call stack. Redundant parentheses and
    /// nested operators of one kind are flattened (`(a & (b & c))` is one AND of three) and
    /// double negations cancel, so the expression is only as deep as its alternations of `!`, `&`
    /// and `|`; deeper than ``ExpressionParser/maximumDepth`` of those is an error, because every
    /// traversal of an ``Expression`` is bounded by that depth.
    mutating func parseRule() throws -> Expression {
        let ruleStart = position
        var frames = [Frame(open: -1)]
        func tooDeep() -> ModelReadError {
            error("the rule alternates '!', '&' and '|' more than \(ExpressionParser.maximumDepth) levels deep "
                + "(after removing redundant parentheses); simplify it or split it into intermediate nodes", at: ruleStart)
        }
        while true {
            // An operand: '!'s, then a '(' (a new frame) or a name, constant or comparison.
            skipSpace()
            while position < bytes.count, bytes[position] == 33, !(position + 1 < bytes.count && bytes[position + 1] == 61) {
                position += 1
                frames[frames.count - 1].nots += 1
                negations += 1
                skipSpace()
            }
            if position < bytes.count, bytes[position] == 40 {
                frames.append(Frame(open: position))
                position += 1
                continue
            }
            var operand = try parsePrimary()
            var depth = operand.depth
            // Reduce: apply the '!'s, join with '&' or '|', and close every group the text closes.
            while true {
                let k = frames.count - 1
                let nots = frames[k].nots
                if nots > 0 {
                    negations -= nots
                    frames[k].nots = 0
                    if nots % 2 == 1 {
                        if case .not(let inner) = operand {
                            operand = inner
                            depth -= 1
                        } else {
                            operand = .not(operand)
                            depth += 1
                        }
                    }
                }
                if case .and = operand { depth -= 1 }  // spliced into the conjunction
                BnetParser.appendFlattening(operand, or: false, to: &frames[k].andItems)
                frames[k].andDepth = max(frames[k].andDepth, depth)
                skipSpace()
                if position < bytes.count, bytes[position] == 38 {  // '&' or '&&'
                    position += 1
                    if position < bytes.count, bytes[position] == 38 { position += 1 }
                    break
                }
                let conjunction = frames[k].andItems.count == 1 ? frames[k].andItems[0] : .and(frames[k].andItems)
                var conjunctionDepth = frames[k].andDepth + (frames[k].andItems.count == 1 ? 0 : 1)
                frames[k].andItems.removeAll()
                frames[k].andDepth = 0
                if case .or = conjunction { conjunctionDepth -= 1 }
                BnetParser.appendFlattening(conjunction, or: true, to: &frames[k].orItems)
                frames[k].orDepth = max(frames[k].orDepth, conjunctionDepth)
                if position < bytes.count, bytes[position] == 124 {  // '|' or '||'
                    position += 1
                    if position < bytes.count, bytes[position] == 124 { position += 1 }
                    break
                }
                operand = frames[k].orItems.count == 1 ? frames[k].orItems[0] : .or(frames[k].orItems)
                depth = frames[k].orDepth + (frames[k].orItems.count == 1 ? 0 : 1)
                if depth > ExpressionParser.maximumDepth { throw tooDeep() }
                if k == 0 { return operand }  // the caller checks the end of the line
                guard position < bytes.count, bytes[position] == 41 else {
                    let column = error("", at: frames[k].open).column ?? 0
                    if atLineEnd { throw error("expected ')' to close the '(' at column \(column), found end of line") }
                    throw error("expected ')' to close the '(' at column \(column), found \(describeHere())")
                }
                position += 1
                frames.removeLast()
            }
        }
    }

    /// Appends `item`, splicing in the operands of a nested operator of the same kind (as
    /// ``Expression/all(_:)`` and ``Expression/any(_:)`` do), without an intermediate array.
    @inline(__always) static func appendFlattening(_ item: Expression, or: Bool, to items: inout [Expression]) {
        switch item {
        case .or(let inner) where or: items.append(contentsOf: inner)
        case .and(let inner) where !or: items.append(contentsOf: inner)
        default: items.append(item)
        }
    }

    mutating func parsePrimary() throws -> Expression {
        skipSpace()
        guard !atLineEnd else { throw error("unexpected end of line; expected a name, '0', '1', '!' or '('") }
        let c = bytes[position]
        guard BnetParser.isName(c) else {
            throw error("unexpected \(describeHere()); expected a name, '0', '1', '!' or '('")
        }
        let start = position
        var allDigits = true
        while position < bytes.count, BnetParser.isName(bytes[position]) {
            if bytes[position] < 48 || bytes[position] > 57 { allDigits = false }
            position += 1
        }
        let end = position
        if allDigits {
            if end - start == 1 && (bytes[start] == 48 || bytes[start] == 49) { return .constant(bytes[start] == 49) }
            throw error("constant '\(String(decoding: bytes[start..<end], as: UTF8.self))' is not 0 or 1", at: start)
        }
        let length = end - start
        if length == 4 && bytes[start] == 116 && bytes[start + 1] == 114 && bytes[start + 2] == 117 && bytes[start + 3] == 101 {
            return .constant(true)
        }
        if length == 5 && bytes[start] == 102 && bytes[start + 1] == 97 && bytes[start + 2] == 108 && bytes[start + 3] == 115
            && bytes[start + 4] == 101
        {
            return .constant(false)
        }
        let name = intern(start, end)
        let nameIndex = lastInterned
        let positiveBit: UInt8 = negations & 1 == 0 ? 1 : 2
        // Optional comparison.
        skipSpace()
        guard position < bytes.count else {
            atoms.append((nameIndex, positiveBit))
            return .variable(name)
        }
        var op = ""
        let c0 = bytes[position]
        let c1: UInt8 = position + 1 < bytes.count ? bytes[position + 1] : 0
        switch (c0, c1) {
        case (62, 61): op = ">="; position += 2
        case (60, 61): op = "<="; position += 2
        case (61, 61): op = "=="; position += 2
        case (33, 61): op = "!="; position += 2
        case (62, _): op = ">"; position += 1
        case (60, _): op = "<"; position += 1
        case (61, _): op = "=="; position += 1
        default:
            atoms.append((nameIndex, positiveBit))
            return .variable(name)
        }
        skipSpace()
        let numberStart = position
        while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 { position += 1 }
        guard position > numberStart, position - numberStart < 10 else {
            throw error("expected an integer level after '\(op)', found \(describeHere())")
        }
        var k = 0
        for i in numberStart..<position { k = k * 10 + Int(bytes[i] - 48) }
        let flipped: UInt8 = 3 - positiveBit
        switch op {
        case ">=", ">": atoms.append((nameIndex, positiveBit))
        case "<", "<=": atoms.append((nameIndex, flipped))
        default: atoms.append((nameIndex, 3))  // == and != read both ways
        }
        switch op {
        case ">=": return .atom(.init(name, .atLeast, k))
        case ">": return .atom(.init(name, .atLeast, k + 1))
        case "==": return .atom(.init(name, .equal, k))
        case "!=": return .not(.atom(.init(name, .equal, k)))
        case "<": return .not(.atom(.init(name, .atLeast, k)))
        default: return .not(.atom(.init(name, .atLeast, k + 1)))
        }
    }
}
