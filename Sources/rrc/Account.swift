// The logged-in account: server, user and bearer token, in config/account.json (0600).
// The token is never printed, logged or put on a screen.
import ClientStore
import Foundation
import HTTPTransport
import SyncClient
import SyncProtocol

struct Account: Codable, Equatable {
    var server: String
    var username: String
    var userID: String
    var token: String
    /// Set only by `rrc login --insecure`: certificates are not checked.
    var insecure: Bool

    static func file(_ home: RRCHome) -> URL { home.config.appendingPathComponent("account.json") }

    static func load(_ home: RRCHome) -> Account? {
        guard let data = FileManager.default.contents(atPath: file(home).path) else { return nil }
        return try? JSONDecoder().decode(Account.self, from: data)
    }

    func save(_ home: RRCHome) throws {
        try home.ensure(home.config)
        let data = try JSONEncoder().encode(self)
        let path = Self.file(home).path
        // Created 0600 before a byte of the token is written.
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure(tr("cannot write {1}", path))
        }
        chmod(path, 0o600)
        try data.write(to: Self.file(home))
        chmod(path, 0o600)
    }

    /// Logs in (POST session), keeps the account, and makes earlier local posts the user's.
    static func login(server: String, user: String, password: String, insecure: Bool, home: RRCHome, store: ClientStore) throws -> Account {
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        let body = try JSONSerialization.data(withJSONObject: ["username": user, "password": password])
        let response: TransportResponse
        do {
            response = try transport(insecure: insecure).send(TransportRequest(method: "POST", url: base + "/api/v1/session",
                                                                                headers: ["Content-Type": "application/json"], body: body))
        } catch let error as TransportError {
            throw CommandFailure(tr("cannot log in: {1}", error))
        }
        guard response.status == 200, let session = try? JSONDecoder().decode(SessionResponse.self, from: response.body) else {
            let detail = (try? JSONDecoder().decode(ErrorResponse.self, from: response.body))?.error.message ?? tr("status {1}", response.status)
            throw CommandFailure(tr("cannot log in: {1}", detail))
        }
        let account = Account(server: base, username: session.user.username, userID: session.user.id, token: session.token,
                              insecure: insecure)
        try account.save(home)
        try store.setLocalAuthor(session.user.id)
        return account
    }

    static func remove(_ home: RRCHome) { try? FileManager.default.removeItem(at: file(home)) }

    static func transport(insecure: Bool) -> CurlTransport {
        var options = CurlTransport.Options()
        options.insecure = insecure
        return CurlTransport(options: options)
    }

    /// Bytes of attachments to keep offline (Settings: attachment budget).
    static func attachmentBudget(_ home: RRCHome) -> Int {
        Settings.preferences(Settings.read(from: home.config.appendingPathComponent("rrc.conf"))).attachmentBudgetMB * 1024 * 1024
    }

    /// The sync scope from the settings: the content languages chosen (none: everything).
    static func scope(_ home: RRCHome) -> PullScope {
        let settings = Settings.preferences(Settings.read(from: home.config.appendingPathComponent("rrc.conf")))
        return PullScope(languages: settings.contentLanguages)
    }
}
