// The key lists sort titles by: case-folded, so "ăngajare" and "Angajare" sit together.
import Foundation

enum SortKey {
    static func make(_ title: String) -> String {
        title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
