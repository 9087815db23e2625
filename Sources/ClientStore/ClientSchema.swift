// The client database's schema history. Append migrations; never edit a shipped one.
import Storage

enum ClientSchema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "content, personal state, outbox, search", sql: """
        CREATE TABLE people (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            country TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL,
            bio TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE resources (
            id TEXT PRIMARY KEY,
            translation_group TEXT NOT NULL,
            language TEXT NOT NULL,
            title TEXT NOT NULL,
            sort_title TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            type TEXT NOT NULL,
            year INTEGER,
            author TEXT NOT NULL,
            licence TEXT,
            server_version INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX resources_by_title ON resources(sort_title, id);
        CREATE INDEX resources_by_language ON resources(language, sort_title, id);
        CREATE INDEX resources_by_group ON resources(translation_group, language);

        CREATE TABLE resource_topics (
            resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
            topic TEXT NOT NULL,
            PRIMARY KEY (resource_id, topic)
        ) WITHOUT ROWID;
        CREATE INDEX resource_topics_by_topic ON resource_topics(topic, resource_id);

        CREATE TABLE resource_countries (
            resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
            country TEXT NOT NULL,
            PRIMARY KEY (resource_id, country)
        ) WITHOUT ROWID;
        CREATE INDEX resource_countries_by_country ON resource_countries(country, resource_id);

        CREATE TABLE attachments (
            resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            size INTEGER,
            sha256 TEXT,
            PRIMARY KEY (resource_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX attachments_by_sha256 ON attachments(sha256);

        CREATE TABLE guides (
            id TEXT PRIMARY KEY,
            translation_group TEXT NOT NULL,
            language TEXT NOT NULL,
            title TEXT NOT NULL,
            sort_title TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            server_version INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX guides_by_title ON guides(sort_title, id);
        CREATE INDEX guides_by_group ON guides(translation_group, language);

        CREATE TABLE guide_topics (
            guide_id TEXT NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
            topic TEXT NOT NULL,
            PRIMARY KEY (guide_id, topic)
        ) WITHOUT ROWID;

        CREATE TABLE guide_sections (
            guide_id TEXT NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            level INTEGER NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (guide_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE checklist_items (
            guide_id TEXT NOT NULL,
            section_position INTEGER NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            checked_by_default INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (guide_id, section_position, position),
            FOREIGN KEY (guide_id, section_position) REFERENCES guide_sections(guide_id, position) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE forums (
            id TEXT PRIMARY KEY,
            language TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            followed INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE threads (
            id TEXT PRIMARY KEY,
            forum_id TEXT NOT NULL REFERENCES forums(id) ON DELETE CASCADE,
            language TEXT NOT NULL,
            title TEXT NOT NULL,
            author_id TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            last_activity_at TEXT NOT NULL,
            post_count INTEGER NOT NULL DEFAULT 0,
            locked INTEGER NOT NULL DEFAULT 0,
            hidden INTEGER NOT NULL DEFAULT 0,
            pending INTEGER NOT NULL DEFAULT 0,
            server_version INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX threads_by_forum_activity ON threads(forum_id, last_activity_at, id);
        CREATE INDEX threads_by_activity ON threads(last_activity_at, id);

        CREATE TABLE posts (
            id TEXT PRIMARY KEY,
            thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
            reply_to TEXT,
            language TEXT NOT NULL,
            author_id TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            edited_at TEXT,
            revision INTEGER NOT NULL DEFAULT 1,
            hidden INTEGER NOT NULL DEFAULT 0,
            pending INTEGER NOT NULL DEFAULT 0,
            server_version INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX posts_by_thread ON posts(thread_id, created_at, id);

        -- Every revision of a post; two offline edits of one post both live here.
        CREATE TABLE post_revisions (
            post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            body TEXT NOT NULL,
            hlc TEXT NOT NULL,
            device_id TEXT NOT NULL,
            edited_at TEXT NOT NULL,
            PRIMARY KEY (post_id, revision, device_id)
        ) WITHOUT ROWID;

        -- Personal state: per-field last-writer-wins by HLC.
        CREATE TABLE read_marks (
            item_kind TEXT NOT NULL,
            item_id TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 1,
            hlc TEXT NOT NULL,
            PRIMARY KEY (item_kind, item_id)
        ) WITHOUT ROWID;

        CREATE TABLE bookmarks (
            item_kind TEXT NOT NULL,
            item_id TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            hlc TEXT NOT NULL,
            PRIMARY KEY (item_kind, item_id)
        ) WITHOUT ROWID;

        CREATE TABLE checklist_ticks (
            guide_id TEXT NOT NULL,
            section_position INTEGER NOT NULL,
            item_position INTEGER NOT NULL,
            ticked INTEGER NOT NULL,
            hlc TEXT NOT NULL,
            PRIMARY KEY (guide_id, section_position, item_position)
        ) WITHOUT ROWID;

        -- Writes waiting for the server; a row leaves only after the server's answer is stored.
        CREATE TABLE outbox (
            op_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            base_version INTEGER,
            payload TEXT NOT NULL,
            hlc TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sending', 'applied', 'conflict', 'rejected')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX outbox_by_state ON outbox(state, seq);

        CREATE TABLE sync_cursors (
            scope TEXT PRIMARY KEY,
            epoch TEXT NOT NULL,
            last_seq INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );

        -- Losing values of personal-state merges and the other side of post edit conflicts.
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT NOT NULL,
            local_value TEXT,
            remote_value TEXT,
            local_hlc TEXT,
            remote_hlc TEXT,
            created_at TEXT NOT NULL,
            resolved INTEGER NOT NULL DEFAULT 0
        );

        -- device_id, op counter, HLC state: small facts of this install.
        CREATE TABLE device (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        -- One index over everything a person searches. rowid = owner rowid * 8 + kind code,
        -- so a record's entry is replaced by rowid instead of a scan.
        CREATE VIRTUAL TABLE search_index USING fts5(
            title, body,
            kind UNINDEXED, item_id UNINDEXED, language UNINDEXED,
            tokenize = 'rrc_fold remove_diacritics 2'
        );
        """),
        Migration(version: 2, name: "drafts", sql: """
        -- What the author is writing, saved as they type: one draft per place they write to.
        CREATE TABLE drafts (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('thread', 'reply', 'edit', 'queued')),
            forum_id TEXT,
            thread_id TEXT,
            reply_to TEXT,
            post_id TEXT,
            op_id TEXT,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE INDEX drafts_by_time ON drafts(updated_at);
        """),
            Migration(version: 3, name: "records waiting for their thread", sql: """
        -- A pulled post whose thread has not arrived (yet): kept as received and applied the
        -- moment the thread is here, so page order can never drop or block a post.
        CREATE TABLE waiting_records (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            change TEXT NOT NULL,
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;
        CREATE INDEX waiting_records_by_thread ON waiting_records(thread_id);
        """),
            Migration(version: 4, name: "hidden posts counted by index", sql: """
        -- Counting visible posts scanned the whole posts table (bodies included) at every
        -- start; total minus this tiny partial index is the same number, read in a blink.
        CREATE INDEX posts_hidden ON posts(thread_id) WHERE hidden = 1;
        """),
        Migration(version: 5, name: "search entries' languages", sql: """
        -- The language of each search entry, beside the index. A search limited to one
        -- language read it from the index's stored row, which makes FTS5 load title and
        -- body too: thousands of times for a common word. Kept by SearchIndexBatch.
        CREATE TABLE search_languages (
            entry INTEGER PRIMARY KEY,
            language TEXT NOT NULL
        );
        INSERT INTO search_languages (entry, language) SELECT rowid, language FROM search_index;
        """),
        Migration(version: 6, name: "resources by year", sql: """
        -- The library sorted newest first pages by keyset like the title order: one text key
        -- (the year counted down, then the title) so a single row comparison finds the next
        -- page, and an index on exactly that expression so a page never sorts the table.
        CREATE INDEX resources_by_year ON resources(\(ResourceOrder.newestKeySQL), id);
        """),
    ]
}
