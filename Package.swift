// swift-tools-version:6.0
// rrc — offline-first terminal client and its sync server, one package.
// Layers and the rules between them: docs/ARCHITECTURE.md.
import PackageDescription

/// A Debian C library reached through a module map and a shim header.
func systemLibrary(_ name: String, pkgConfig: String, apt: String) -> Target {
    .systemLibrary(name: name, path: "Sources/\(name)", pkgConfig: pkgConfig,
                   providers: [.apt([apt])])
}

let package = Package(
    name: "rrc",
    products: [
        .executable(name: "rrc", targets: ["rrc"]),
        .executable(name: "rrcd", targets: ["rrcd"]),
        .executable(name: "rrc-bench", targets: ["rrc-bench"]),
    ],
    targets: [
        // C libraries (module map + shim header each).
        systemLibrary("CNcursesw", pkgConfig: "ncursesw", apt: "libncursesw5-dev"),
        systemLibrary("CSQLite", pkgConfig: "sqlite3", apt: "libsqlite3-dev"),
        systemLibrary("CMicroHTTPD", pkgConfig: "libmicrohttpd", apt: "libmicrohttpd-dev"),
        systemLibrary("CSodium", pkgConfig: "libsodium", apt: "libsodium-dev"),
        systemLibrary("CCmarkGFM", pkgConfig: "libcmark-gfm", apt: "libcmark-gfm-dev"),
        systemLibrary("CZlib", pkgConfig: "zlib", apt: "zlib1g-dev"),
        .systemLibrary(name: "CLocale", path: "Sources/CLocale"),
        // The FTS5 tokenizer that folds đ; C because FTS5 calls it per token.
        .target(name: "CFoldTokenizer", dependencies: ["CSQLite"]),
        // libcurl through dlopen, so only a sync pays for loading it (see CCurl.h).
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),

        // Pure Swift libraries.
        .target(name: "Storage", dependencies: ["CSQLite"]),
        .target(name: "Model"),
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "Model", "Screen", "TextLayout"]),
        .target(name: "ContentPack", dependencies: ["Model", "Markdown", "CSodium"]),
        .target(name: "TextLayout", dependencies: ["CLocale"]),
        .target(name: "Screen", dependencies: ["TextLayout"]),
        .target(name: "Terminal", dependencies: ["CNcursesw", "Screen", "TextLayout"]),
        .target(name: "Localization"),
        .target(name: "TUI", dependencies: ["ClientStore", "Localization", "Markdown", "Model", "Screen", "Terminal", "TextLayout"]),
        .target(name: "ClientStore", dependencies: ["Storage", "Model", "ContentPack", "CFoldTokenizer", "SyncProtocol"]),
        .target(name: "SyncProtocol", dependencies: ["Model"]),
        .target(name: "Compression", dependencies: ["CZlib"]),
        .target(name: "LoopbackHTTP", dependencies: ["Compression"]),
        .target(name: "HTTPTransport", dependencies: ["CCurl"]),
        .target(name: "SyncClient", dependencies: ["ClientStore", "SyncProtocol", "HTTPTransport", "Compression", "Model", "ContentPack"]),
        .target(name: "ServerStore", dependencies: ["Storage", "Model", "ContentPack", "SyncProtocol", "CSodium"]),
        .target(name: "Server", dependencies: ["CMicroHTTPD", "ServerStore", "SyncProtocol", "Compression", "Model"]),

        // Programs.
        .executableTarget(name: "rrc", dependencies: ["ClientStore", "ContentPack", "Model", "TUI", "Terminal", "Localization", "Screen", "TextLayout",
                                                     "SyncClient", "SyncProtocol", "HTTPTransport"]),
        .executableTarget(name: "rrcd", dependencies: ["Server", "ServerStore", "SyncProtocol", "ContentPack", "Model", "Storage",
                                                       "CMicroHTTPD", "CSodium", "CZlib"]),
        .executableTarget(name: "rrc-bench", dependencies: ["ClientStore", "ContentPack", "Model", "LoopbackHTTP", "TUI", "Terminal", "TextLayout",
                                                           "SyncClient", "HTTPTransport", "Compression", "TestSupport"],
                          exclude: ["Tools"]),

        // Tests.
        .target(name: "TestSupport", dependencies: ["LoopbackHTTP"], path: "Tests/TestSupport"),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "TestSupport"]),
        .testTarget(name: "ContentPackTests", dependencies: ["ContentPack", "Markdown", "Model", "TestSupport"]),
        .testTarget(name: "ClientStoreTests", dependencies: ["ClientStore", "ContentPack", "Model", "Storage", "TestSupport"]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "Screen", "Terminal", "TestSupport"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "TestSupport"]),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout", "Screen"]),
        .testTarget(name: "CLibraryTests",
                    dependencies: ["CNcursesw", "CSQLite", "CCurl", "CMicroHTTPD", "CSodium", "CCmarkGFM", "CZlib"]),
        .testTarget(name: "CommandLineTests", dependencies: ["TestSupport"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["TestSupport", "SyncClient", "ClientStore", "HTTPTransport", "SyncProtocol",
                                                            "ContentPack", "Model", "Storage", "TUI", "Screen", "TextLayout", "Localization", "Markdown"]),
        .testTarget(name: "SyncTests", dependencies: ["TestSupport", "SyncClient", "ClientStore", "HTTPTransport", "SyncProtocol",
                                                     "ContentPack", "Model", "Storage"]),
        .testTarget(name: "ServerTests", dependencies: ["TestSupport", "ServerStore", "Server", "SyncProtocol", "Compression", "Model"]),
        .testTarget(name: "EndToEndTests",
                    dependencies: ["TestSupport", "TUI", "ClientStore", "ContentPack", "Localization", "Screen", "Terminal", "TextLayout"]),
    ]
)
