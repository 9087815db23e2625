// rrcd demo: the demo content pack and a few demo accounts (one per role), whose random
// passwords are printed once. The accounts are demo people, so their posts are theirs.
import Foundation
import Model
import ServerStore

enum DemoCommand {
    static let accounts: [(username: String, person: String, role: Role)] = [
        ("lena", "p-lena-marin", .admin), ("jelena", "p-jelena-djuric", .moderator), ("tomas", "p-tomas-berger", .trainer),
        ("sarah", "p-sarah-whitfield", .expert), ("elena", "p-elena-munteanu", .member), ("amra", "p-amra-hodzic", .member),
    ]

    static func run(_ arguments: Arguments) throws -> Int32 {
        try arguments.only("--db", "--pack")
        let store = try RRCDProgram.openStore(arguments, create: true)
        guard let pack = arguments.options["--pack"] ?? demoPackFolder() else {
            throw Failure("cannot find demo/pack; give it with --pack DIR", status: 1)
        }
        try ImportCommand.importPack(pack, into: store)
        print("Demo accounts (passwords are shown only now):")
        for account in accounts {
            guard try store.user(named: account.username) == nil else {
                print("  \(account.username)\t(exists already)")
                continue
            }
            let password = Secrets.newToken().prefix(12)
            let name = try store.personName(account.person) ?? account.username
            try store.addUser(username: account.username, displayName: name, role: account.role, password: String(password),
                              id: account.person)
            print("  \(account.username)\t\(password)\t\(account.role.rawValue)\t\(name)")
        }
        return 0
    }

    /// demo/pack above the executable (a build in the source tree).
    static func demoPackFolder() -> String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("demo/pack")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
