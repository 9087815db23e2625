// Writing offline: a queued post and its op are one write; drafts keep what was typed;
// discarding undoes exactly what queuing did; nothing is refused half-way.
import ClientStore
import Foundation
import Storage
import Testing

@Suite struct WritingTests {
    let fixture: StoreFixture
    var store: ClientStore { fixture.store }

    init() throws {
        fixture = try StoreFixture()
        try fixture.importFiles([
            "forum.md": StoreFixture.forum,
            "t1.md": StoreFixture.thread("t1"),
            "p1.md": StoreFixture.post("p1", created: "2025-01-02", body: "Ana piše."),
            "p2.md": StoreFixture.post("p2", created: "2025-01-03", body: "Moj stari tekst.", author: "me"),
        ])
    }

    @Test func aQueuedReplyIsInItsThreadMarkedQueuedAndInTheOutbox() throws {
        let queued = try store.queue(Draft(target: .reply(thread: "t1", replyTo: "p1"), body: "  Hvala na savjetu.\n"))
        let posts = try store.posts(thread: "t1").items
        let mine = try #require(posts.first { $0.id == queued.entityID })
        #expect(mine.pending && mine.body == "Hvala na savjetu." && mine.replyTo == "p1")
        let outbox = try store.outbox()
        #expect(outbox.map(\.kind) == [.postCreate] && outbox[0].body == "Hvala na savjetu.")
        #expect(outbox[0].threadTitle == "Tema t1" && outbox[0].state == .queued)
        #expect(try store.counts().queuedOps == 1)
        #expect(try store.thread(id: "t1")?.thread.postCount == 3)
        #expect(!(try store.search(SearchQuery("savjetu")).isEmpty))
    }

    @Test func theQueueSurvivesClosingTheStore() throws {
        try store.queue(Draft(target: .reply(thread: "t1", replyTo: nil), body: "Ostaje."))
        let reopened = try ClientStore(path: fixture.folder.url.appendingPathComponent("rrc.sqlite").path)
        #expect(try reopened.outbox().map(\.body) == ["Ostaje."])
        #expect(try reopened.posts(thread: "t1").items.contains { $0.pending && $0.body == "Ostaje." })
    }

    @Test func refusedWritesChangeNothing() throws {
        try store.database.run("UPDATE threads SET locked = 1 WHERE id = 't1'")
        #expect(throws: WriteError.threadLocked) { try store.queue(Draft(target: .reply(thread: "t1", replyTo: nil), body: "x")) }
        #expect(throws: WriteError.emptyText) { try store.queue(Draft(target: .newThread(forum: "f1"), title: "T", body: " \n")) }
        #expect(throws: WriteError.missingTitle) { try store.queue(Draft(target: .newThread(forum: "f1"), body: "Tekst")) }
        #expect(throws: WriteError.notYourPost) { try store.queue(Draft(target: .edit(post: "p1"), body: "Tuđe")) }
        #expect(try store.outbox().isEmpty)
        #expect(try fixture.count("posts") == 2 && fixture.count("threads") == 1)
    }

    @Test func opIDsCountUpAndPayloadsCarryTheRecord() throws {
        let first = try store.queue(Draft(target: .newThread(forum: "f1"), title: "Nova tema", body: "Uvod teme."))
        let second = try store.queue(Draft(target: .reply(thread: first.threadID, replyTo: nil), body: "Odgovor na svoju temu."))
        let device = try store.deviceID()
        #expect(first.opID == "\(device):1" && second.opID == "\(device):2")
        let payload = try #require(try store.database.scalar("SELECT payload FROM outbox WHERE op_id = ?", second.opID, as: String.self))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
        #expect(json["thread_id"] as? String == first.threadID && json["body"] as? String == "Odgovor na svoju temu.")
        let thread = try #require(try store.thread(id: first.threadID))
        #expect(thread.thread.title == "Nova tema" && thread.body == "Uvod teme.")
    }

    @Test func aQueuedThreadWithQueuedRepliesIsNotDiscardedFromUnderThem() throws {
        let thread = try store.queue(Draft(target: .newThread(forum: "f1"), title: "Nova", body: "Uvod."))
        let reply = try store.queue(Draft(target: .reply(thread: thread.threadID, replyTo: nil), body: "Prvi odgovor."))
        #expect(throws: WriteError.hasQueuedReplies(1)) { try store.discard(op: thread.opID) }
        try store.discard(op: reply.opID)
        try store.discard(op: thread.opID)
        #expect(try store.outbox().isEmpty && store.thread(id: thread.threadID) == nil)
        #expect(try store.search(SearchQuery("Nova")).allSatisfy { $0.id != thread.threadID })
    }

    @Test func editingAQueuedPostRewritesItsOpInsteadOfAddingOne() throws {
        let queued = try store.queue(Draft(target: .reply(thread: "t1", replyTo: nil), body: "Prva verzija."))
        try store.queue(Draft(target: .edit(post: queued.entityID), body: "Druga verzija."))
        #expect(try store.outbox().map(\.body) == ["Druga verzija."])
        #expect(try store.post(id: queued.entityID)?.body == "Druga verzija.")
    }

    @Test func editingASentPostQueuesAnEditAndDiscardingItRestoresTheText() throws {
        #expect(try store.canEdit(post: "p2") && !store.canEdit(post: "p1"))
        let edit = try store.queue(Draft(target: .edit(post: "p2"), body: "Moj novi tekst."))
        #expect(try store.outbox().map(\.kind) == [.postEdit])
        #expect(try store.post(id: "p2").map { ($0.body, $0.pending) } ?? ("", false) == ("Moj novi tekst.", true))
        try store.discard(op: edit.opID)
        let post = try #require(try store.post(id: "p2"))
        #expect(post.body == "Moj stari tekst." && !post.pending)
        #expect(try store.outbox().isEmpty)
    }

    @Test func deletingAPostThatNeverLeftTakesItAndItsOpsAway() throws {
        let queued = try store.queue(Draft(target: .reply(thread: "t1", replyTo: nil), body: "Greška, ime djeteta."))
        try store.queue(Draft(target: .edit(post: queued.entityID), body: "Još uvijek greška."))
        #expect(try store.delete(post: queued.entityID) == .removed)
        #expect(try store.outbox().isEmpty && store.post(id: queued.entityID) == nil)
        #expect(try store.search(SearchQuery("greška")).isEmpty)
        #expect(try store.thread(id: "t1")?.thread.postCount == 2)
    }

    @Test func deletingASentPostHidesItQueuesADeletionAndDiscardingItBringsThePostBack() throws {
        #expect(throws: WriteError.notYourPost) { try store.delete(post: "p1") }
        guard case .queued(let op) = try store.delete(post: "p2") else { Issue.record("not queued"); return }
        #expect(try !store.posts(thread: "t1").items.contains { $0.id == "p2" })
        #expect(try store.search(SearchQuery("stari")).isEmpty)
        let entry = try #require(try store.outbox().first)
        #expect(entry.kind == .postDelete && entry.body == "Moj stari tekst." && entry.threadTitle == "Tema t1")
        // Only the id travels, never the text.
        let payload = try #require(try store.database.scalar("SELECT payload FROM outbox WHERE op_id = ?", op, as: String.self))
        #expect(!payload.contains("stari") && payload.contains("p2"))
        #expect(throws: WriteError.deletionHasNoText) { try store.queue(Draft(target: .queued(op: op), body: "x")) }
        #expect(throws: WriteError.notFound) { try store.delete(post: "p2") }

        try store.discard(op: op)
        #expect(try store.posts(thread: "t1").items.contains { $0.id == "p2" && $0.body == "Moj stari tekst." })
        #expect(!(try store.search(SearchQuery("stari")).isEmpty))
        #expect(try store.outbox().isEmpty)
    }

    @Test func rewritingAnOpFromTheOutboxChangesTheRecordToo() throws {
        let thread = try store.queue(Draft(target: .newThread(forum: "f1"), title: "Naslov", body: "Tekst."))
        let start = try store.startingText(for: .queued(op: thread.opID))
        #expect(start.title == "Naslov" && start.body == "Tekst.")
        try store.queue(Draft(target: .queued(op: thread.opID), title: "Bolji naslov", body: "Bolji tekst."))
        #expect(try store.thread(id: thread.threadID)?.thread.title == "Bolji naslov")
        #expect(try store.outbox().map(\.title) == ["Bolji naslov"])
    }

    @Test func draftsKeepWhatWasTypedUntilItIsQueued() throws {
        let target = DraftTarget.reply(thread: "t1", replyTo: "p1")
        try store.save(Draft(target: target, body: "Pola rečenice"))
        try store.save(Draft(target: .newThread(forum: "f1"), title: "Ideja", body: ""))
        #expect(try store.startingText(for: target).body == "Pola rečenice")
        #expect(Set(try store.drafts().map(\.target)) == [target, .newThread(forum: "f1")])
        try store.queue(Draft(target: target, body: "Pola rečenice, pa cijela."))
        #expect(try store.draft(for: target) == nil)
        try store.save(Draft(target: .newThread(forum: "f1")))  // emptied: forgotten
        #expect(try store.drafts().isEmpty)
    }

    @Test func bookmarksToggleAndListWhatIsStillThere() throws {
        #expect(try store.toggleBookmark(.thread, id: "t1"))
        #expect(try store.bookmarks().map(\.title) == ["Tema t1"])
        #expect(try !store.toggleBookmark(.thread, id: "t1"))
        #expect(try store.bookmarks().isEmpty)
    }
}
