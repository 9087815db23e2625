// The server database's schema history. Append migrations; never edit a shipped one.
import Storage

enum ServerSchema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "accounts, records and the change log", sql: """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('member', 'expert', 'moderator', 'trainer', 'admin')),
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );

        -- Bearer tokens, stored only as their SHA-256.
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX sessions_by_user ON sessions(user_id);

        -- Every record in its latest state. `seq` is the server_seq of its last change, so
        -- the change log is this table read in seq order; a tombstone is `deleted = 1`.
        CREATE TABLE records (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            seq INTEGER NOT NULL UNIQUE,
            data TEXT NOT NULL,
            language TEXT,
            forum_id TEXT,
            owner TEXT,
            private INTEGER NOT NULL DEFAULT 0,
            hlc TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;

        -- One row per applied op, written in the op's own transaction: a re-sent op finds it.
        CREATE TABLE applied_ops (
            op_id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            result TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Every revision of every post, the losing side of concurrent edits included.
        CREATE TABLE post_revisions (
            post_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            body TEXT NOT NULL,
            hlc TEXT NOT NULL,
            author_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (post_id, revision)
        ) WITHOUT ROWID;

        -- Attachment files held in the files folder next to the database.
        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            name TEXT NOT NULL
        ) WITHOUT ROWID;
        """),
    ]
}
