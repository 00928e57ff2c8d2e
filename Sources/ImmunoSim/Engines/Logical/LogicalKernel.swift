/// The bit-parallel interpreter of a ``LogicalProgram``: a register file of `width` words per
/// register, evaluated instruction by instruction with one branch-free multiplexer each.
struct LogicalKernel {
    let program: LogicalProgram
    let width: Int
    /// The register file, register-major (`registers[r * width + w]`).
    var registers: [UInt64]
    /// Staging for the next planes (a next plane may read a current plane).
    var staging: [UInt64]

    init(program: LogicalProgram, width: Int) {
        self.program = program
        self.width = width
        registers = Array(repeating: 0, count: program.registerCount * width)
        for w in 0..<width { registers[width + w] = ~0 }
        staging = Array(repeating: 0, count: program.planeCount * width)
    }

    /// Copies state planes (plane-major, `width` words each) into the plane registers.
    mutating func load(_ planes: [UInt64]) {
        let offset = LogicalProgram.firstPlane * width
        for p in 0..<planes.count { registers[offset + p] = planes[p] }
    }

    /// Copies the plane registers out.
    func store(into planes: inout [UInt64]) {
        let offset = LogicalProgram.firstPlane * width
        for p in 0..<planes.count { planes[p] = registers[offset + p] }
    }

    /// Runs the program: afterwards the instruction registers hold every target and next plane.
    mutating func evaluate() {
        let width = self.width
        let base = (LogicalProgram.firstPlane + program.planeCount) * width
        program.code.withUnsafeBufferPointer { code in
            registers.withUnsafeMutableBufferPointer { regs in
                guard let r = regs.baseAddress else { return }
                if width == 1 {
                    var out = r + base
                    for ins in code {
                        let a = r[Int(ins.a)]
                        out.pointee = (a & r[Int(ins.b)]) | (~a & r[Int(ins.c)])
                        out += 1
                    }
                } else {
                    var out = r + base
                    for ins in code {
                        let pa = r + Int(ins.a) * width, pb = r + Int(ins.b) * width, pc = r + Int(ins.c) * width
                        for w in 0..<width {
                            let a = pa[w]
                            out[w] = (a & pb[w]) | (~a & pc[w])
                        }
                        out += width
                    }
                }
            }
        }
    }

    /// One synchronous update of every lane: evaluate, then copy the next planes into the state.
    mutating func step() {
        evaluate()
        let width = self.width
        program.nextPlane.withUnsafeBufferPointer { next in
            registers.withUnsafeMutableBufferPointer { regs in
                staging.withUnsafeMutableBufferPointer { stage in
                    guard let r = regs.baseAddress, let s = stage.baseAddress else { return }
                    if width == 1 {
                        for p in 0..<next.count { s[p] = r[Int(next[p])] }
                        let planes = r + LogicalProgram.firstPlane
                        for p in 0..<next.count { planes[p] = s[p] }
                    } else {
                        for p in 0..<next.count {
                            let from = r + Int(next[p]) * width, to = s + p * width
                            for w in 0..<width { to[w] = from[w] }
                        }
                        let planes = r + LogicalProgram.firstPlane * width
                        for q in 0..<(next.count * width) { planes[q] = s[q] }
                    }
                }
            }
        }
    }

    /// Sets clamped nodes' planes in every lane.
    mutating func applyClamps(_ clamps: [(node: Int, level: Int)], planeStart: [Int], maxLevels: [Int]) {
        for clamp in clamps {
            for k in 1...maxLevels[clamp.node] {
                let value: UInt64 = clamp.level >= k ? ~0 : 0
                let r = (planeStart[clamp.node] + k - 1) * width
                for w in 0..<width { registers[r + w] = value }
            }
        }
    }

    /// Word `w` of register `r`.
    func word(_ r: Int32, _ w: Int = 0) -> UInt64 { registers[Int(r) * width + w] }
}
