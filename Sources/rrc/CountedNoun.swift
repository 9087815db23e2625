// "1 resource", "2 resources", "20 people": counts in the user's language, with its plural
// rules (Romanian and Serbo-Croatian have three forms), from the interface catalogues.

enum CountedNoun {
    static func text(_ count: Int, _ noun: String) -> String {
        switch noun {
        case "resource": tr.plural("%d resource", "%d resources", count)
        case "guide": tr.plural("%d guide", "%d guides", count)
        case "forum": tr.plural("%d forum", "%d forums", count)
        case "thread": tr.plural("%d thread", "%d threads", count)
        case "post": tr.plural("%d post", "%d posts", count)
        case "person": tr.plural("%d person", "%d people", count)
        case "warning": tr.plural("%d warning", "%d warnings", count)
        case "section": tr.plural("%d section", "%d sections", count)
        case "check": tr.plural("%d check", "%d checks", count)
        default: "\(count) \(noun)"
        }
    }
}
