import Foundation

let JSONEncoderForTests: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return encoder
}()

let JSONDecoderForTests = JSONDecoder()
