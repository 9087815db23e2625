// Deterministic synthetic content at scale, written as a real content pack on disk.
import Foundation

/// A small, seeded generator (SplitMix64) so every run writes the same pack.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct SyntheticPack {
    let posts: Int
    let threads: Int
    let resources: Int

    /// Domain words per language, with the diacritics searches must fold; they are spread
    /// over the ranks of a larger Zipf vocabulary, so some are common and some rare.
    static let domainWords: [String: [String]] = [
        "en": "child protection family support school social worker case plan review foster care referral safety visit community trafficking online risk supervision training guide report".split(separator: " ").map(String.init),
        "ro": "copil protecție familie sprijin școală asistent social plan caz evaluare plasament sesizare siguranță vizită comunitate trafic știință București țară îngrijire".split(separator: " ").map(String.init),
        "bg": "дете закрила семейство подкрепа училище социален работник план случай оценка приемна грижа сигнал безопасност посещение общност трафик обучение".split(separator: " ").map(String.init),
        "sq": "fëmijë mbrojtje familje mbështetje shkollë punonjës social plan rast vlerësim kujdestar referim siguri vizitë komunitet trafikim Shqipëri përvojë".split(separator: " ").map(String.init),
        "sh": "dijete zaštita porodica podrška škola socijalni radnik plan slučaj procjena hraniteljstvo prijava sigurnost posjeta zajednica država Đorđević obuka".split(separator: " ").map(String.init),
    ]
    static let languages = ["en", "ro", "bg", "sq", "sh"]
    static let syllables: [String: [String]] = [
        "en": "ba be ca de fo ga hi jo ka le mi no pa re si to va we ya zo ter ing ous ment".split(separator: " ").map(String.init),
        "ro": "ba că de fi ga ță le mă nu pe ră si ște tu vă zi ân îi ea oa ul ri ță ș".split(separator: " ").map(String.init),
        "bg": "ба ве го да же зи ка ло ми на по ри са те у фа хо це чи ша щу ъл ю я".split(separator: " ").map(String.init),
        "sq": "ba ça de dh ë fë gj hi je ka ll më nj pë që rr sh të th ve xh ze zh".split(separator: " ").map(String.init),
        "sh": "ba če ći da đu dž fa go ja ko lj ma nj pe ri sa še ta ve za že ju".split(separator: " ").map(String.init),
    ]

    /// A Zipf-distributed vocabulary of `size` words: the domain words at spread-out ranks,
    /// invented words (from the language's syllables) everywhere else.
    static func vocabulary(_ language: String, size: Int, random: inout SeededGenerator) -> (words: [String], cumulative: [Double]) {
        let pool = syllables[language]!
        var words: [String] = []
        var seen = Set<String>()
        while words.count < size {
            let count = 2 + Int(random.next() % 3)
            let word = (0..<count).map { _ in pool[Int(random.next() % UInt64(pool.count))] }.joined()
            if seen.insert(word).inserted { words.append(word) }
        }
        for (index, word) in domainWords[language]!.enumerated() {
            words[min(size - 1, 4 + index * index * 3)] = word  // ranks 4, 7, 16, 31, … up to the thousands
        }
        var total = 0.0
        let cumulative = (1...size).map { rank -> Double in total += 1 / Double(rank); return total }
        return (words, cumulative.map { $0 / total })
    }

    /// Writes the pack under `folder`; returns the number of files.
    func write(to folder: URL) throws -> Int {
        var random = SeededGenerator(seed: 2014)
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var vocabularies: [String: (words: [String], cumulative: [Double])] = [:]
        for language in Self.languages { vocabularies[language] = Self.vocabulary(language, size: 4000, random: &random) }
        func sentence(_ language: String, words: Int) -> String {
            let vocabulary = vocabularies[language]!
            var text = ""
            for index in 0..<words {
                if index > 0 { text += " " }
                let draw = Double(random.next() % 1_000_000) / 1_000_000
                var low = 0, high = vocabulary.cumulative.count - 1
                while low < high {
                    let middle = (low + high) / 2
                    if vocabulary.cumulative[middle] < draw { low = middle + 1 } else { high = middle }
                }
                text += vocabulary.words[low]
            }
            return text.prefix(1).uppercased() + text.dropFirst() + "."
        }
        // Plain POSIX writes: Data.write syncs every file, which made writing 200 000 files slow.
        func save(_ path: String, _ bytes: [UInt8]) throws {
            let descriptor = open(folder.appendingPathComponent(path).path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
            defer { close(descriptor) }
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        }
        func save(_ path: String, _ text: String) throws { try save(path, Array(text.utf8)) }
        var files = 0
        for (index, language) in Self.languages.enumerated() {
            try save("forum-\(index).md", "---\nid: bench-forum-\(index)\nkind: forum\nlanguage: \(language)\ntitle: Forum \(index)\n---\n\nBench forum.\n")
            files += 1
        }
        for directory in ["threads", "posts", "resources", "files"] {
            try fm.createDirectory(at: folder.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        for thread in 0..<threads {
            let language = Self.languages[thread % 5]
            try save("threads/t\(thread).md", """
                ---
                id: bench-t\(thread)
                kind: thread
                language: \(language)
                title: \(sentence(language, words: 6))
                forum: bench-forum-\(thread % 5)
                author: bench-person-\(thread % 97)
                created: 2025-01-01
                ---

                \(sentence(language, words: 30))

                """)
            files += 1
        }
        for post in 0..<posts {
            let thread = post % threads
            let language = Self.languages[thread % 5]
            let minutes = post / threads
            try save("posts/p\(post).md", """
                ---
                id: bench-p\(post)
                kind: post
                language: \(language)
                thread: bench-t\(thread)
                author: bench-person-\(post % 97)
                created: 2025-02-\(String(format: "%02d", 1 + minutes / 1440))T\(String(format: "%02d:%02d", (minutes / 60) % 24, minutes % 60)):00Z
                ---

                \(sentence(language, words: 20 + Int(random.next() % 40)))

                """)
            files += 1
        }
        for resource in 0..<resources {
            let language = Self.languages[resource % 5]
            // One resource in ten carries a file of 4–40 KB (random bytes: like a PDF, it
            // does not compress), so import hashes, rrcd serves and rrc fetches real files.
            var attachments = ""
            if resource % 10 == 0 {
                let size = 4096 + Int(random.next() % 36_864)
                var bytes = [UInt8](repeating: 0, count: size)
                for index in stride(from: 0, to: size, by: 8) {
                    withUnsafeBytes(of: random.next()) { word in
                        for offset in 0..<min(8, size - index) { bytes[index + offset] = word[offset] }
                    }
                }
                try save("files/r\(resource).pdf", bytes)
                attachments = "\nattachments: [files/r\(resource).pdf]"
                files += 1
            }
            try save("resources/r\(resource).md", """
                ---
                id: bench-r\(resource)
                kind: resource
                language: \(language)
                title: \(sentence(language, words: 5))
                type: research-report
                topics: [case-management]
                countries: [RO]
                year: 2024
                author: Bench Institute
                translation_of: bench-r\(resource - resource % 5)\(attachments)
                ---

                \(sentence(language, words: 120))

                """)
            files += 1
        }
        return files
    }
}
