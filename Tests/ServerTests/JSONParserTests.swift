// The JSON reader both ends use for bodies and pages: the same values as Foundation's
// decoder on valid text, a refusal (never a crash) on anything else, and a writer whose
// text reads back to the same value.
import Foundation
import SyncProtocol
import TestSupport
import Testing

struct JSONParserTests {
    @Test(arguments: [
        #"{"a": [1, -0, 1.5, 1e3, -2E-2, 0.25], "b": {"c": null, "d": true, "e": false}, "f": ""}"#,
        #"  [ "é ș ж 👩‍👩‍👧", "\" \\ \/ \b \f \n \r \t", "\u00e9\u0219", "\ud83d\ude00", "\u0000x" ]  "#,
        #"{"big": 12345678901234, "neg": -987654321, "tiny": 5e-324, "dup": 1, "dup": 2}"#,
        #"[[[[[]]]], {}, [{}], ""]"#,
    ])
    func readsWhatFoundationReads(text: String) throws {
        let ours = try JSONValue.parse(Data(text.utf8))
        let foundations = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(ours == foundations)
    }

    @Test(arguments: [
        "", " ", "[1,]", "{\"a\":1,}", "[01]", "-", "1.", ".5", "[1 2]", "{\"a\" 1}", "{a: 1}", "tru", "nul", "[\"\\u12\"]",
        "[\"\\ud800\"]", "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]", "[\"a\u{01}b\"]", "[\"\\x\"]", "[\"open", "{\"a\":1}}", "[1e400]",
        "[NaN]", "[Infinity]", "'a'", "[1]x",
    ])
    func refusesWhatIsNotJSON(text: String) {
        #expect(throws: RequestProblem.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test func refusesInvalidUTF8AndNestingPastTheLimit() {
        #expect(throws: RequestProblem.self) { try JSONValue.parse(Data([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D])) }
        let deep = String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
        #expect(throws: RequestProblem.self) { try JSONValue.parse(Data(deep.utf8)) }
        #expect(throws: Never.self) { try JSONValue.parse(Data(deep.utf8), maxDepth: 33) }
    }

    @Test func whatItWritesReadsBackTheSame() throws {
        var random = SeededRandom(seed: 7)
        func value(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &random) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &random))
            case 2: return .number(Bool.random(using: &random) ? Double(Int.random(in: -1_000_000...1_000_000, using: &random))
                                                             : Double.random(in: -1e6...1e6, using: &random))
            case 3:
                let alphabet = Array("aé\"\\\n\t\u{01}ж👍 /")
                return .string(String((0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
            case 4: return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth + 1) })
            default:
                return .object(Dictionary((0..<Int.random(in: 0...4, using: &random)).map { ("k\($0)", value(depth + 1)) }) { $1 })
            }
        }
        for _ in 0..<500 {
            let original = value(0)
            #expect(try JSONValue.parse(original.jsonData, maxDepth: 64) == original)
            #expect(try JSONDecoder().decode(JSONValue.self, from: original.jsonData) == original)
        }
    }
}
