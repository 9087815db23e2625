// Accounts and sessions: users with Argon2id passwords; bearer tokens stored as SHA-256.
// Each account is also a person record, so clients can show who wrote what.
import Foundation
import Model
import Storage
import SyncProtocol

extension ServerStore {
    /// How long a token lives: field workers stay offline for weeks.
    public static let sessionLifetime: TimeInterval = 180 * 24 * 3600

    static func isValidUsername(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0)
        }
    }

    @discardableResult
    public func addUser(username: String, displayName: String?, role: Role, password: String, id: String? = nil) throws -> ServerUser {
        guard Self.isValidUsername(username) else { throw StoreError.invalidUsername(username) }
        guard password.count >= 8 else { throw StoreError.weakPassword }
        let hash = try Secrets.hashPassword(password)
        let user = ServerUser(id: id ?? username.lowercased(), username: username, displayName: displayName ?? username,
                              role: role, disabled: false, created: Self.isoNow())
        try write {
            guard try database.scalar("SELECT 1 FROM users WHERE username = ? OR id = ?", username, user.id, as: Int.self) == nil
            else { throw StoreError.usernameTaken(username) }
            try database.run("""
                INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, user.id, user.username, user.displayName, role.rawValue, hash, user.created)
            // The person others see as the author; a pack may already hold this person.
            if try record("person", id: user.id, as: Person.self) == nil {
                try put("person", id: user.id, data: Person(id: user.id, name: user.displayName, role: role, country: "",
                                                              language: .english, bio: ""), placement: Placement())
            }
        }
        return user
    }

    public func users() throws -> [ServerUser] {
        try database.all("SELECT id, username, display_name, role, disabled, created_at FROM users ORDER BY username", as: Self.user)
    }

    public func user(named username: String) throws -> ServerUser? {
        try database.first("SELECT id, username, display_name, role, disabled, created_at FROM users WHERE username = ?",
                           username, as: Self.user)
    }

    static func user(_ row: Row) -> ServerUser {
        ServerUser(id: row[0], username: row[1], displayName: row[2], role: Role(rawValue: row[3]) ?? .member,
                   disabled: row[4], created: row[5])
    }

    /// Disables (or enables) an account; disabling ends its sessions.
    public func setDisabled(_ username: String, _ disabled: Bool) throws {
        try write {
            guard let user = try user(named: username) else { throw StoreError.noSuchUser(username) }
            try database.run("UPDATE users SET disabled = ? WHERE id = ?", disabled, user.id)
            if disabled { try database.run("DELETE FROM sessions WHERE user_id = ?", user.id) }
        }
    }

    /// Sets a new password and ends every session of the account.
    public func setPassword(_ username: String, _ password: String) throws {
        guard password.count >= 8 else { throw StoreError.weakPassword }
        let hash = try Secrets.hashPassword(password)
        try write {
            guard let user = try user(named: username) else { throw StoreError.noSuchUser(username) }
            try database.run("UPDATE users SET password_hash = ? WHERE id = ?", hash, user.id)
            try database.run("DELETE FROM sessions WHERE user_id = ?", user.id)
        }
    }

    /// Checks a password; nil for an unknown, disabled or wrong one (the same answer for all).
    public func authenticate(username: String, password: String) throws -> ServerUser? {
        guard let row = try database.first("SELECT password_hash, id FROM users WHERE username = ? AND disabled = 0", username,
                                           as: { (hash: $0[0] as String, id: $0[1] as String) }) else {
            // Spend the same time as a real check, so timing does not tell which usernames exist.
            _ = Secrets.verify(password, against: Self.decoyHash)
            return nil
        }
        guard Secrets.verify(password, against: row.hash) else { return nil }
        return try user(named: username)
    }

    static let decoyHash: String = (try? Secrets.hashPassword(Secrets.randomID())) ?? ""

    /// Starts a session; returns the token (shown once, stored only hashed).
    public func startSession(for user: ServerUser, now: Date = Date()) throws -> String {
        let token = Secrets.newToken()
        try write {
            try database.run("DELETE FROM sessions WHERE expires_at < ?", Self.isoNow(now))
            try database.run("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                             Secrets.sha256(token), user.id, Self.isoNow(now),
                             Self.isoNow(now.addingTimeInterval(Self.sessionLifetime)))
        }
        return token
    }

    public enum SessionCheck: Equatable {
        case valid(ServerUser)
        case unknown
        case expired
    }

    public func session(token: String, now: Date = Date()) throws -> SessionCheck {
        guard let row = try database.first("""
            SELECT s.expires_at, u.id, u.username, u.display_name, u.role, u.disabled, u.created_at
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?
            """, Secrets.sha256(token), as: { row in (expires: row[0] as String, disabled: row[5] as Bool,
                                                      user: ServerUser(id: row[1], username: row[2], displayName: row[3],
                                                                       role: Role(rawValue: row[4]) ?? .member,
                                                                       disabled: row[5], created: row[6])) })
        else { return .unknown }
        guard !row.disabled else { return .unknown }
        return row.expires < Self.isoNow(now) ? .expired : .valid(row.user)
    }

    public func endSession(token: String) throws {
        try write { try database.run("DELETE FROM sessions WHERE token_hash = ?", Secrets.sha256(token)) }
    }
}

extension ServerStore {
    /// A person's name from the records (a pack's people), for naming accounts after them.
    public func personName(_ id: String) throws -> String? {
        try record("person", id: id, as: Person.self)?.value.name
    }
}
