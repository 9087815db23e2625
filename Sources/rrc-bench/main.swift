// rrc-bench: measures what users feel, on deterministic synthetic data, and prints a table.
// Benchmarks measure; tests assert. Nothing here fails a build.
import ClientStore
import ContentPack
import Foundation
import Terminal

var posts = 200_000, threads = 2_000, resources = 10_000, searchRuns = 7
var outputPath: String?
var packPath: String?
var arguments = Array(CommandLine.arguments.dropFirst())

// `rrc-bench server-load [--devices N] [--accounts N] [--seconds N] [--server-threads N] [--pace SECONDS] [--out FILE]`
if arguments.first == "server-load" {
    var options = ServerLoad.Options()
    var rest = Array(arguments.dropFirst())
    var loadOutput: String?
    if let index = rest.firstIndex(of: "--out"), index + 1 < rest.count {
        loadOutput = rest[index + 1]
        rest.removeSubrange(index...(index + 1))
    }
    while rest.count >= 2, let number = Int(rest[1]), number > 0 {
        switch rest[0] {
        case "--devices": options.devices = number
        case "--accounts": options.accounts = number
        case "--seconds": options.seconds = Double(number)
        case "--server-threads": options.threads = number
        case "--pace": options.pace = Double(number)
        default: FileHandle.standardError.write(Data("rrc-bench: unknown option \(rest[0])\n".utf8)); exit(2)
        }
        rest.removeFirst(2)
    }
    guard rest.isEmpty else {
        FileHandle.standardError.write(Data("rrc-bench: server-load takes --devices/--accounts/--seconds/--server-threads/--pace N and --out FILE\n".utf8))
        exit(2)
    }
    let report = try ServerLoad(options: options).run()
    print(report)
    if let loadOutput { try report.write(toFile: loadOutput, atomically: true, encoding: .utf8) }
    exit(report.contains("| errors | 0 |") && report.contains("| lost ops | 0 |") && report.contains("| duplicated ops | 0 |") ? 0 : 1)
}
// `rrc-bench search --store PATH [--runs N]`: each query's median on an existing store.
if arguments.first == "search", arguments.count >= 3, arguments[1] == "--store" {
    let runs = arguments.count >= 5 && arguments[3] == "--runs" ? Int(arguments[4]) ?? 7 : 7
    let result = try SearchMeasure.run(store: try ClientStore(path: arguments[2]), runs: runs)
    for (query, times) in result.perQuery {
        print(String(format: "%8.2f ms  %@", Measurements.median(times), query))
    }
    print(String(format: "median %.2f ms, p95 %.2f ms", Measurements.median(result.latencies), Measurements.percentile(result.latencies, 95)))
    exit(0)
}
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    func value() -> Int {
        guard let text = arguments.first, let number = Int(text), number > 0 else {
            FileHandle.standardError.write(Data("rrc-bench: \(flag) needs a positive number\n".utf8)); exit(2)
        }
        arguments.removeFirst()
        return number
    }
    switch flag {
    case "--posts": posts = value()
    case "--threads": threads = value()
    case "--resources": resources = value()
    case "--search-runs": searchRuns = value()
    case "--pack":
        guard !arguments.isEmpty else { FileHandle.standardError.write(Data("rrc-bench: --pack needs a folder\n".utf8)); exit(2) }
        packPath = arguments.removeFirst()
    case "--out":
        guard !arguments.isEmpty else { FileHandle.standardError.write(Data("rrc-bench: --out needs a path\n".utf8)); exit(2) }
        outputPath = arguments.removeFirst()
    case "--help", "-h":
        print("""
            Usage: rrc-bench [--posts N] [--threads N] [--resources N] [--search-runs N] [--pack DIR] [--out FILE]

            Writes a synthetic content pack (default 200 000 posts in 2 000 threads, 10 000
            resources in five languages), imports it into a fresh store, re-imports it, and
            times 20 searches. Prints a Markdown table; --out also writes it to FILE.
            --pack DIR writes the pack to DIR once and reuses it on later runs.
            """)
        exit(0)
    default:
        FileHandle.standardError.write(Data("rrc-bench: unknown option \(flag) (see rrc-bench --help)\n".utf8)); exit(2)
    }
}

func progress(_ text: String) { FileHandle.standardError.write(Data("rrc-bench: \(text)\n".utf8)) }

let work = FileManager.default.temporaryDirectory.appendingPathComponent("rrc-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
// --pack keeps the generated pack between runs (profiling the import without the writing).
let packFolder = packPath.map { URL(fileURLWithPath: $0) } ?? work.appendingPathComponent("pack")
let files: Int
if packPath != nil, FileManager.default.fileExists(atPath: packFolder.path) {
    var isFolder: ObjCBool = false
    files = (FileManager.default.enumerator(atPath: packFolder.path)?.allObjects as? [String] ?? []).filter {
        FileManager.default.fileExists(atPath: packFolder.appendingPathComponent($0).path, isDirectory: &isFolder) && !isFolder.boolValue
    }.count
} else {
    progress("writing \(posts) posts, \(threads) threads, \(resources) resources")
    files = try SyntheticPack(posts: posts, threads: threads, resources: resources).write(to: packFolder)
}

// With --pack the store is kept beside the pack (DIR.sqlite) for inspection after the run.
let storePath = packPath.map { $0 + ".sqlite" } ?? work.appendingPathComponent("bench.sqlite").path
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
let store = try ClientStore(path: storePath)
var contents: ContentPackContents!
progress("reading the pack")
let readSeconds = try Measurements.seconds { contents = try ContentPackReader.read(packFolder) }
progress("importing into an empty store")
var report: ImportReport!
let cpuBeforeImport = Measurements.cpuSeconds()
let firstImportSeconds = try Measurements.seconds { report = try store.importPack(contents) }
let firstImportCPU = Measurements.cpuSeconds() - cpuBeforeImport
progress("importing again (updates in place)")
let secondImportSeconds = try Measurements.seconds { _ = try store.importPack(contents) }
guard report.errors.isEmpty else { progress("import reported errors: \(report.errors.prefix(3))"); exit(1) }
contents = nil

progress("running \(SearchMeasure.queries.count) searches \(searchRuns) times each")
let searches = try SearchMeasure.run(store: store, runs: searchRuns)
let latencies = searches.latencies, hitCounts = searches.hitCounts
let postsImported = report.imported["post"] ?? 0
let firstRate = Double(postsImported) / firstImportSeconds
let allRecordsRate = Double(report.importedTotal) / (firstImportSeconds + readSeconds)
let databaseSize = (try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? Int) ?? 0

progress("key → frame: scrolling the library, and a 20 000-post thread")
let libraryKeys = try KeyFrames.measure(store: store, opening: [.character("1")],
                                        keys: Array(repeating: Key.character("j"), count: 300) + Array(repeating: Key.control("d"), count: 50))
let bigThread = try KeyFrames.bigThreadStore(posts: 20_000, in: work)
let threadKeys = try KeyFrames.measure(store: bigThread, opening: [.character("3"), .enter, .enter],
                                       keys: Array(repeating: Key.control("d"), count: 300) + [.character("G"), .character("g")]
                                           + Array(repeating: Key.character("j"), count: 100))
progress("first screen: rrc and newsboat with \(posts + resources) items")
let firstScreen = FirstScreen.measure(store: storePath, items: posts + resources, work: work)
func milliseconds(_ value: Double?) -> String { value.map { String(format: "%.0f ms", $0) } ?? "not measured" }
progress("sync over loopback against rrcd holding the same pack")
let sync = try SyncMeasure.run(pack: packFolder, work: work)
func syncRow(_ name: String, _ figures: SyncMeasure.Figures) -> String {
    let ratio = figures.floor > 0 ? String(format: "%.2f×", Double(figures.bytesIn) / Double(figures.floor)) : "—"
    return "| \(name) | \(String(format: "%.2f", figures.seconds)) s, \(figures.requests) requests on \(figures.connections) connection(s), \(figures.records) records, "
        + "\(figures.bytesIn) B in / \(figures.bytesOut) B out; gzip floor \(figures.floor) B → **\(ratio)** |"
}

let ratio = firstScreen.ratio.map { String(format: "%.1f×", $0) } ?? "—"

let date = ISO8601DateFormatter().string(from: Date()).prefix(10)
/// The target column: the target and whether this run meets it.
func target(_ text: String, _ met: Bool?) -> String {
    guard let met else { return text + " — not measured" }
    return text + (met ? " — met" : " — **not yet**")
}
let searchP95 = Measurements.percentile(latencies, 95)
let libraryP99 = Measurements.percentile(libraryKeys, 99), threadP99 = Measurements.percentile(threadKeys, 99)
func floorRatio(_ figures: SyncMeasure.Figures) -> Double { Double(figures.bytesIn) / Double(max(figures.floor, 1)) }
func megabytes(_ mebibytes: Double) -> Double { mebibytes * 1_048_576 / 1_000_000 }
let interfaceMB = firstScreen.peakMemoryMiB.map(megabytes)
let table = """
    | measure | result | target |
    |---|---|---|
    | pack read + parse (\(files) files) | \(String(format: "%.1f", readSeconds)) s, \(Int(Double(files) / readSeconds)) files/s | — |
    | import into empty store (\(report.importedTotal) records) | \(String(format: "%.1f", firstImportSeconds)) s (\(String(format: "%.1f", firstImportCPU)) s CPU), **\(Int(firstRate)) posts/s** | — |
    | re-import, updating in place | \(String(format: "%.1f", secondImportSeconds)) s, \(Int(Double(postsImported) / secondImportSeconds)) posts/s | — |
    | read + import, all records | \(Int(allRecordsRate)) records/s | — |
    | search, \(SearchMeasure.queries.count) queries × \(searchRuns) runs, \(posts) posts | median **\(String(format: "%.2f", Measurements.median(latencies))) ms**, p95 **\(String(format: "%.2f", searchP95)) ms**, max \(String(format: "%.2f", latencies.max() ?? 0)) ms | \(target("p95 ≤ 30 ms", searchP95 <= 30)) |
    | first full screen, rrc (\(posts) posts, \(resources) resources) | median **\(milliseconds(firstScreen.rrcMilliseconds))** | \(target("≤ 100 ms", firstScreen.rrcMilliseconds.map { $0 <= 100 })) |
    | first full screen, newsboat (\(posts + resources) items in one feed) | median \(milliseconds(firstScreen.newsboatMilliseconds)); rrc is **\(ratio)** faster \(firstScreen.note) | \(target("≥ 20×", firstScreen.ratio.map { $0 >= 20 })) |
    | key → frame, library (j × 300, C-d × 50) | median \(String(format: "%.2f", Measurements.median(libraryKeys))) ms, p99 **\(String(format: "%.2f", libraryP99)) ms** | \(target("p99 ≤ 16 ms", libraryP99 <= 16)) |
    | key → frame, 20 000-post thread (C-d × 300, G, g, j × 100) | median \(String(format: "%.2f", Measurements.median(threadKeys))) ms, p99 **\(String(format: "%.2f", threadP99)) ms**, max \(String(format: "%.1f", threadKeys.max() ?? 0)) ms | \(target("p99 ≤ 16 ms", threadP99 <= 16)) |
    \(syncRow("first sync, `rrc sync` over loopback", sync.initial)) \(target("≤ 1.2× floor", floorRatio(sync.initial) <= 1.2)) |
    \(syncRow("incremental sync, 100 new posts", sync.incremental)) \(target("≤ 1.2× floor", floorRatio(sync.incremental) <= 1.2)) |
    | no-op sync | \(sync.noop.requests) request(s), \(sync.noop.bytesIn + sync.noop.bytesOut) B on the wire | \(target("≤ 1 round trip, ≤ 2 KB", sync.noop.requests <= 1 && sync.noop.bytesIn + sync.noop.bytesOut <= 2000)) |
    | attachments, fetched by `rrc sync` once allowed (budget 1 GB) | \(sync.attachments.files) files, \(String(format: "%.1f", Double(sync.attachments.bytes) / 1_000_000)) MB in \(String(format: "%.2f", sync.attachments.seconds)) s, each checked against its SHA-256 | — |
    \(syncRow("32 kbit/s, 800 ms RTT: first sync of the demo pack", sync.throttledFirst)) — |
    \(syncRow("32 kbit/s, 800 ms RTT: incremental sync, 100 new posts", sync.throttledIncremental)) \(target("≤ 1.2× floor", floorRatio(sync.throttledIncremental) <= 1.2)) |
    | 32 kbit/s, 800 ms RTT: no-op sync | \(String(format: "%.2f", sync.throttledNoop.seconds)) s, \(sync.throttledNoop.requests) request(s), \(sync.throttledNoop.bytesIn + sync.throttledNoop.bytesOut) B on the wire | \(target("≤ 1 round trip, ≤ 2 KB", sync.throttledNoop.requests <= 1 && sync.throttledNoop.bytesIn + sync.throttledNoop.bytesOut <= 2000)) |
    | client peak memory (RSS): `rrc` interface on the full cache (library, search, 20 pages of a thread) | **\(interfaceMB.map { String(format: "%.1f MB", $0) } ?? "not measured")** | \(target("≤ 40 MB", interfaceMB.map { $0 <= 40 })) |
    | client peak memory (RSS): `rrc sync`, first sync of \(sync.initial.records) records | **\(String(format: "%.1f MB", megabytes(sync.clientPeakMiB)))** | \(target("≤ 40 MB", megabytes(sync.clientPeakMiB) <= 40)) |
    | server peak memory (RSS): `rrcd` serving that first sync (incl. two logins' Argon2id, 64 MiB each) | \(String(format: "%.0f", sync.serverPeakMiB)) MiB | — |
    | results per query | median \(Int(Measurements.median(hitCounts.map(Double.init)))) (limit 50) | — |
    | store size | \(databaseSize / 1_048_576) MiB | — |
    | peak memory of the bench process (whole pack held in memory) | \(Int(Measurements.peakMemoryMiB())) MiB | — |

    Machine: \(Measurements.machine()). Run on \(date), release build.
    """
print(table)
if let outputPath {
    try table.write(toFile: outputPath, atomically: true, encoding: .utf8)
}
