// The real rrc binary in a terminal, on the demo content: what a person does, what they see.
import ClientStore
import ContentPack
import Foundation
import TestSupport
import Testing

/// tmux servers are cheap but each test gets its own home and socket; run them one by one
/// so two terminals never compete for the two cores' attention.
@Suite(.serialized)
struct InterfaceTests {
    let home = TemporaryFolder("rrc-e2e-home")

    init() throws {
        // Imported in-process: Foundation's Process has been seen never to reap a child
        // while tmux servers fork around it, and a hung setup would hang the whole run.
        let data = home.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let store = try ClientStore(path: data.appendingPathComponent("rrc.sqlite").path)
        let report = try store.importPack(try ContentPackReader.read(ProjectPaths.root.appendingPathComponent("demo/pack")))
        #expect(report.errors.isEmpty)
    }

    func start(_ arguments: [String] = [], environment: [String: String] = [:], width: Int = 100, height: Int = 30) throws -> TerminalSession {
        try TerminalSession(arguments: arguments, environment: ["RRC_HOME": home.path].merging(environment) { $1 },
                            width: width, height: height)
    }

    /// A real rrcd with the demo content, and this home logged in to it as ana.
    func loggedInServer() throws -> ServerProcess {
        let server = try ServerProcess(pack: ProjectPaths.root.appendingPathComponent("demo/pack"))
        try server.addUser("ana", password: "correct horse battery")
        try server.start()
        let login = try ProgramRun.run("rrc", ["login", "--server", "http://127.0.0.1:\(server.port)", "--user", "ana", "--password-stdin"],
                                       environment: ["RRC_HOME": home.path], input: Data("correct horse battery\n".utf8))
        #expect(login.status == 0, "\(login.stderr)")
        return server
    }

    @Test func opensEachScreenAndQuitsCleanly() throws {
        let session = try start()
        try session.waitFor("Library  108 resources")
        try session.press("1")
        try session.waitFor("Space: language")
        try session.press("2")
        try session.waitFor("First home visit after a referral")
        try session.press("3")
        try session.waitFor("Regional exchange")
        try session.press("Enter")
        try session.waitFor("● ")        // unread threads are marked
        try session.press("Enter")
        try session.waitFor("── ")        // a post header
        try session.press("Escape")
        try session.waitUntil(description: "the opened thread marked read") { $0.split(separator: "\n").dropFirst().first?.contains("●") == false }
        try session.press("?")
        try session.waitFor("Search everything")
        try session.press("o")
        try session.waitFor("Nothing waiting to be sent, and no drafts.")
        try session.press("B")
        try session.waitFor("No bookmarks yet.")
        try session.press("S")
        try session.waitFor("Attachments kept offline")
        try session.press("0")
        try session.waitFor("Library  108 resources")
        try session.press("Q")
        try session.waitFor("[rrc exited 0]")
    }

    @Test func readsABulgarianResourceThenItsRomanianTranslation() throws {
        let session = try start()
        try session.waitFor("Library")
        try session.press("/")
        try session.waitFor("Search:")
        try session.type("трафик")
        try session.press("Enter")
        try session.waitFor("Как да разпознаем трафик на деца")
        try session.press("Enter")
        try session.waitFor("Also in:")
        #expect(try session.screen().contains("fact-sheet · 2024"))
        try session.press("t")  // bg → en
        try session.waitFor("Recognising child trafficking")
        try session.press("t")  // en → ro
        try session.waitFor("Recunoașterea traficului de copii: indicatori pentru profesioniști")
    }

    @Test(arguments: ["Shqiperi", "Shqipëri"])
    func searchesWithAndWithoutDiacritics(query: String) throws {
        let session = try start()
        try session.waitFor("Library")
        try session.press("/")
        try session.type(query)
        try session.press("Enter")
        let screen = try session.waitFor("Burime në shqip për profesionistët në Shqipëri dhe Kosovë")
        #expect(screen.contains("Thread    sq"))
        try session.press("Down", "Enter")
        try session.waitFor("A ka në bibliotekë mjaft materiale")
    }

    @Test func tickedChecklistItemIsStillTickedAfterRestart() throws {
        let first = try start()
        try first.waitFor("Library")
        try first.press("2")
        try first.waitFor("First home visit after a referral")
        // The guide list is sorted by title: open guides in turn until the home-visit one.
        for _ in 0..<20 {
            try first.press("Enter")
            if (try? first.waitFor("[ ] Read the referral and note the exact concern", timeout: 1.5)) != nil { break }
            try first.press("Escape", "j")
        }
        try first.press("Space")
        try first.waitFor("[x] Read the referral and note the exact concern")
        try first.press("Q")
        try first.waitFor("[rrc exited 0]")

        let second = try start()
        try second.waitFor("Library")
        try second.press("2")
        try second.waitFor("First home visit after a referral")
        for _ in 0..<20 {
            try second.press("Enter")
            if (try? second.waitFor("Read the referral and note the exact concern", timeout: 1.5)) != nil { break }
            try second.press("Escape", "j")
        }
        try second.waitFor("[x] Read the referral and note the exact concern")
    }

    /// After a restart: the post is in the Outbox and in its thread, marked queued.
    func expectQueuedAfterRestart(_ text: String, environment: [String: String] = [:]) throws {
        let session = try start(environment: environment)
        try session.waitFor("Library")
        try session.press("o")
        try session.waitFor(text)
        try session.waitFor("queued")
        try session.press("0", "3", "Enter", "Enter")   // the thread replied to is now the most active
        try session.waitFor("── ")
        try session.press("G")
        try session.waitUntil(description: "the reply, marked queued") { screen in
            screen.contains(text) && screen.split(separator: "\n").contains { $0.contains("queued") && $0.contains("──") }
        }
        try session.press("Q")
        try session.waitFor("[rrc exited 0]")
    }

    @Test func composesAReplyInTheBuiltInEditorAndFindsItQueuedAfterRestart() throws {
        let session = try start()
        try session.waitFor("Library")
        try session.press("3", "Enter", "Enter")
        try session.waitFor("── ")
        try session.press("r")
        try session.waitFor("C-x: queue")
        try session.type("Mulțumesc pentru ghid, îl folosim și în județ.")
        try session.waitFor("îl folosim și în județ.")
        try session.press("C-x")
        try session.waitFor("Queued: it goes out when a server can be reached.")
        try session.press("0")
        try session.waitFor("Outbox  1 queued")
        try session.press("Q")
        try session.waitFor("[rrc exited 0]")
        try expectQueuedAfterRestart("îl folosim și în județ.")
    }

    @Test func composesAReplyInTheUsersEditorAndFindsItQueuedAfterRestart() throws {
        let script = home.url.appendingPathComponent("fake-editor.sh")
        home.write("fake-editor.sh", "#!/bin/sh\nprintf 'Napisano u vanjskom uređivaču: đ č ć.\\n' > \"$1\"\n")
        chmod(script.path, 0o755)
        let environment = ["EDITOR": script.path]
        let session = try start(environment: environment)
        try session.waitFor("Library")
        try session.press("3", "Enter", "Enter")
        try session.waitFor("── ")
        try session.press("r")          // the editor runs at once and hands back its text
        try session.waitFor("Napisano u vanjskom uređivaču: đ č ć.")
        try session.waitFor("C-e: your editor")
        try session.press("C-x")
        try session.waitFor("Queued: it goes out when a server can be reached.")
        try session.press("Q")
        try session.waitFor("[rrc exited 0]")
        try expectQueuedAfterRestart("Napisano u vanjskom uređivaču: đ č ć.", environment: environment)
    }

    @Test func aReplyQueuedInTheInterfaceGoesOutInTheBackgroundOnceLoggedIn() throws {
        let server = try loggedInServer()
        let session = try start()
        try session.waitFor("online")
        try session.press("3", "Enter", "Enter")
        try session.waitFor("── ")
        try session.press("r")
        try session.type("Trimis din interfață, în fundal.")
        try session.press("C-x")
        try session.waitFor("Queued")
        try session.press("0")
        try session.waitFor("Outbox  0 queued", timeout: 20)   // the worker sent it without being asked
        try session.press("s")
        try session.waitFor("Syncing as soon as the server answers")
        try session.press("Q")
        try session.waitFor("[rrc exited 0]")
        #expect(server.log.contains("POST /api/v1/sync/push 200"))
    }

    @Test func anAttachmentIsDownloadedOnDemandAndCopiedOutUnderItsName() throws {
        home.write("config/rrc.conf", "attachment_budget_mb = 0\n")  // nothing comes ahead of asking
        let server = try loggedInServer()
        let session = try start()
        try session.waitFor("online")
        try session.press(":")
        try session.type("open participation-toolkit-ro")
        try session.press("Enter")
        try session.waitFor("Set de instrumente")
        try session.press("G")
        try session.waitFor("participation-session-plan.txt")
        #expect(try session.screen().contains("not downloaded"))
        try session.press("f")
        try session.waitFor("Attachment downloaded", timeout: 20)
        #expect(try !session.screen().contains("not downloaded"))
        try session.press("y")
        try session.waitFor("Copied to:")
        let copy = home.url.appendingPathComponent("data/copies/participation-session-plan.txt")
        let original = ProjectPaths.root.appendingPathComponent("demo/pack/files/participation-session-plan.txt")
        #expect(try Data(contentsOf: copy) == Data(contentsOf: original))
        try session.press("Q")
        try session.waitFor("[rrc exited 0]")
        #expect(server.log.contains("GET /api/v1/files/"))
    }

    @Test func survivesResizingDownTo20x6AndBack() throws {
        let session = try start()
        try session.waitFor("Library  108 resources")
        try session.press("1", "Enter")
        try session.waitFor("Also in:")
        try session.resize(width: 20, height: 6)
        try session.waitUntil(description: "a 20-column screen") { screen in
            // The title bar keeps the page's own title, cut with an ellipsis.
            screen.split(separator: "\n").allSatisfy { $0.count <= 20 } && screen.split(separator: "\n").first?.contains("…") == true
        }
        try session.resize(width: 8, height: 3)
        try session.waitFor("Terminal")
        try session.press("Q")  // ignored while too small
        try session.resize(width: 1, height: 1)
        try session.resize(width: 100, height: 30)
        try session.waitFor("Also in:")  // same page, reflowed: still running after 1×1
        try session.press("Q")
        try session.waitFor("[rrc exited 0]")
    }

    @Test func interfaceSpeaksTheChosenLanguageAndSwitchesWithoutRestart() throws {
        let bulgarian = try start(["--lang", "bg"])
        try bulgarian.waitFor("Библиотека  108 ресурса")
        try bulgarian.waitFor("не сте влезли")
        try bulgarian.press("L")  // bg → sq
        try bulgarian.waitFor("Gjuha e ndërfaqes: shqip")
        try bulgarian.waitFor("Biblioteka  108 burime")

        let fromLocale = try start(environment: ["LANG": "ro_RO.UTF-8"])
        try fromLocale.waitFor("Bibliotecă  108 resurse")
        let fromAlias = try start(environment: ["LANGUAGE": "sr@latin"])
        try fromAlias.waitFor("Biblioteka  108 resursa")
    }

    @Test func brokenThemeFallsBackToTheDefaultAndSaysWhere() throws {
        let config = home.url.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let themes = home.url.appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "default.theme is required as the folder marker".write(to: themes.appendingPathComponent("default.theme"), atomically: true, encoding: .utf8)
        try "normal = default default\ntitle = chartreuse blue\n".write(to: themes.appendingPathComponent("mine.theme"), atomically: true, encoding: .utf8)
        try "theme = mine\n".write(to: config.appendingPathComponent("rrc.conf"), atomically: true, encoding: .utf8)
        let session = try start(environment: ["RRC_THEMES": themes.path])
        try session.waitFor("mine.theme:2: unknown colour 'chartreuse'")
        try session.waitFor("Library  108 resources")
        try session.press("j")
        try session.waitFor("40 unread")  // the notice goes with the next key; the app works
    }

    /// What a terminal sends for the mouse in the X10 encoding screen's terminfo names
    /// (`kmous=\E[M`): the button code, column and row, each plus 32, 1-based.
    static func mouseBytes(button: Int, x: Int, y: Int) -> String {
        "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
    }

    @Test func withTheMouseOnAPressSelectsASecondOpensAndTheWheelScrolls() throws {
        home.write("config/rrc.conf", "mouse = yes\n")
        let session = try start()
        try session.waitFor("Library  108 resources")
        let forums = try #require(try session.screen().split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("Forums  40 threads") })
        let click = Self.mouseBytes(button: 0, x: 6, y: forums) + Self.mouseBytes(button: 3, x: 6, y: forums)
        try session.type(click)
        try session.type(click)
        try session.waitFor("rrc › Home › Forums")
        try session.press("Escape", "1")
        try session.waitFor("rrc › Home › Library")
        let selectedRow = { (screen: String) in screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("[7m") || $0.contains(";7m") } }  // reverse video
        let before = try #require(selectedRow(try session.screen(escapes: true)))
        try session.type(Self.mouseBytes(button: 65, x: 10, y: 10))  // wheel down
        try session.waitUntil(description: "the selection three rows down") { _ in
            (try? session.screen(escapes: true)).flatMap(selectedRow) == before + 3
        }
        try session.press("Q")
        try session.waitFor("[rrc exited 0]")
    }

    @Test func noColorMeansNoColour() throws {
        let plain = try start(environment: ["NO_COLOR": "1"])
        try plain.waitFor("Library")
        let plainCodes = Self.sgrCodes(try plain.screen(escapes: true))
        #expect(plainCodes.intersection(Self.colourCodes).isEmpty, "\(plainCodes)")
        #expect(plainCodes.contains(7))  // the bars stay visible in reverse video

        let coloured = try start()
        try coloured.waitFor("Library")
        #expect(!Self.sgrCodes(try coloured.screen(escapes: true)).intersection(Self.colourCodes).isEmpty)
    }

    /// SGR parameters that set a colour (not the resets 39 and 49).
    static let colourCodes = Set(Array(30...38) + Array(40...48) + Array(90...97) + Array(100...107))

    /// Every SGR parameter number in the captured screen (`ESC [ a ; b m`).
    static func sgrCodes(_ screen: String) -> Set<Int> {
        var codes = Set<Int>()
        for sequence in screen.components(separatedBy: "\u{1B}[").dropFirst() {
            guard let end = sequence.firstIndex(of: "m") else { continue }
            let parameters = sequence[..<end].split(separator: ";").compactMap { Int($0) }
            var index = 0
            while index < parameters.count {
                codes.insert(parameters[index])
                // 38;5;N and 48;5;N carry a colour number that is not a code of its own.
                index += (parameters[index] == 38 || parameters[index] == 48) ? 3 : 1
            }
        }
        return codes
    }
}
