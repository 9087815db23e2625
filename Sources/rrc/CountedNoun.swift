// "1 resource", "2 resources", "20 people": counts in English sentences.
// (Interface languages and their plural rules arrive with the TUI's PO catalogues.)

enum CountedNoun {
    static let plurals = ["person": "people"]

    static func text(_ count: Int, _ singular: String) -> String {
        "\(count) " + (count == 1 ? singular : plurals[singular] ?? singular + "s")
    }
}
