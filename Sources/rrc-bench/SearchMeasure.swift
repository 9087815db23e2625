// Search latency: 20 queries in five languages, with and without diacritics, some limited
// to one language, each run several times against the whole store.
import ClientStore
import Foundation

enum SearchMeasure {
    static let queries: [(String, String?)] = [
        ("child protection", nil), ("foster care", nil), ("supervision", "en"), ("trafficking online", nil),
        ("Bucuresti", nil), ("București", nil), ("stiinta", "ro"), ("știință", nil), ("protectie copil", nil),
        ("закрила", nil), ("дете семейство", nil), ("приемна", "bg"), ("Shqiperi", nil), ("Shqipëri", nil),
        ("femije", "sq"), ("drzava", nil), ("država", "sh"), ("Djordjevic", nil), ("hraniteljstvo", nil), ("zastita djece", nil),
    ]

    struct Result {
        var latencies: [Double] = []
        var hitCounts: [Int] = []
        /// "text [language]" → milliseconds of each run, in query order.
        var perQuery: [(String, [Double])] = []
    }

    static func run(store: ClientStore, runs: Int) throws -> Result {
        var result = Result()
        result.perQuery = queries.map { text, language in (text + (language.map { " [\($0)]" } ?? ""), []) }
        for _ in 0..<runs {
            for (index, (text, language)) in queries.enumerated() {
                var hits = 0
                let milliseconds = try Measurements.seconds {
                    hits = try store.search(SearchQuery(text, language: language, limit: 50)).count
                } * 1000
                result.latencies.append(milliseconds)
                result.hitCounts.append(hits)
                result.perQuery[index].1.append(milliseconds)
            }
        }
        return result
    }
}
