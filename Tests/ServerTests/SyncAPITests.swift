// The real rrcd over real HTTP: login, push (and the same batch again), pull paging,
// permissions, moderation travelling through pull, edit conflicts, gzip both ways.
import Compression
import Foundation
import TestSupport
import Testing

@Suite struct SyncAPITests {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture() }

    var http: HTTPClient { fixture.http }

    @Test func pingAndHealthNeedNoLogin() throws {
        let ping = try http.request("GET", "/api/v1/ping")
        #expect(ping.status == 200 && ping.body.count < 16)
        let health = try http.request("GET", "/api/v1/health").json()
        #expect(health["status"] as? String == "ok")
        #expect((health["records"] as? [String: Int])?["post"] == 206)
    }

    @Test func aPushSentTwiceIsAppliedOnceAndTheRetryAnswersDuplicate() throws {
        let token = try fixture.login("ana")
        let ops = [
            ServerFixture.op("dev-a:1", "thread.create", entity: "t-new-1",
                             payload: ["id": "t-new-1", "forum_id": "forum-ro", "title": "Supervizie", "body": "Cum faceți?",
                                       "language": "ro", "created_at": "2001-01-01T00:00:00Z"]),
            ServerFixture.op("dev-a:2", "post.create", entity: "p-new-1",
                             payload: ["id": "p-new-1", "thread_id": "t-new-1", "body": "Primul răspuns."]),
        ]
        let first = try fixture.push(ops, token: token)
        #expect(first.map { $0["status"] as? String } == ["applied", "applied"])
        let seqAfterFirst = try fixture.lastSeq()
        let second = try fixture.push(ops, token: token)
        #expect(second.map { $0["status"] as? String } == ["duplicate", "duplicate"])
        #expect(second.map { $0["server_seq"] as? Int } == first.map { $0["server_seq"] as? Int })
        #expect(try fixture.lastSeq() == seqAfterFirst)
        let posts = try fixture.pullAll(token: token).changes.filter { $0["id"] as? String == "p-new-1" }
        #expect(posts.count == 1)
        let data = try #require(posts.first?["data"] as? [String: Any])
        #expect(data["author_id"] as? String == "ana")             // from the token, not the client
        #expect((data["created_at"] as? String)?.hasPrefix("2001") == false)  // the server's clock
    }

    @Test func pullPagesInOrderAndResumesFromTheCursor() throws {
        let token = try fixture.login("ana")
        let end = try fixture.lastSeq()  // the demo pack and the test accounts
        let all = try fixture.pullAll(token: token, limit: 37)
        let seqs = all.changes.compactMap { $0["seq"] as? Int }
        #expect(seqs.count == end && seqs == seqs.sorted() && Set(seqs).count == seqs.count)
        #expect(all.pages == (end + 36) / 37 && all.next == end)
        // Picking up from the middle gives exactly the rest.
        let rest = try fixture.pullAll(token: token, since: seqs[199], limit: 100)
        #expect(rest.changes.compactMap { $0["seq"] as? Int } == Array(seqs[200...]))
        let nothing = try http.request("GET", "/api/v1/sync/pull?since=\(end)", token: token).json()
        #expect((nothing["changes"] as? [Any])?.isEmpty == true && nothing["more"] as? Bool == false)
    }

    @Test func aScopeTakesOnlyItsLanguagesAndForums() throws {
        let token = try fixture.login("ana")
        let scoped = try fixture.pullAll(token: token, scope: "lang:bg")
        let content = scoped.changes.filter { $0["kind"] as? String != "person" }
        let languages = Set(content.compactMap { ($0["data"] as? [String: Any])?["language"] as? String })
        #expect(languages == ["bg"] && content.count > 20)
        #expect(scoped.changes.contains { $0["kind"] as? String == "person" })  // people come whatever the scope
        let bad = try http.request("GET", "/api/v1/sync/pull?scope=colour:red", token: token)
        #expect(bad.status == 400 && bad.errorCode == "invalid_field")
    }

    @Test func membersEditOnlyTheirOwnPostsAndModeratorsHideAndLock() throws {
        let ana = try fixture.login("ana"), ben = try fixture.login("ben"), moderator = try fixture.login("mod")
        _ = try fixture.push([ServerFixture.op("a:1", "post.create", entity: "p-ana",
                                               payload: ["id": "p-ana", "thread_id": "t-ro-bunici", "body": "Textul Anei."])], token: ana)
        let stolen = try fixture.push([ServerFixture.op("b:1", "post.edit", entity: "p-ana", base: 1,
                                                        payload: ["id": "p-ana", "body": "Textul lui Ben."])], token: ben, device: "dev-b")
        #expect(stolen.first?["status"] as? String == "rejected" && stolen.first?["code"] as? String == "forbidden")
        let hideByMember = try fixture.push([ServerFixture.op("b:2", "post.hide", entity: "p-ana",
                                                              payload: ["id": "p-ana", "hidden": true])], token: ben, device: "dev-b")
        #expect(hideByMember.first?["code"] as? String == "forbidden")

        let before = try fixture.lastSeq()
        let hidden = try fixture.push([ServerFixture.op("m:1", "post.hide", entity: "p-ana",
                                                        payload: ["id": "p-ana", "hidden": true])], token: moderator, device: "dev-m")
        #expect(hidden.first?["status"] as? String == "applied")
        // The hide travels through pull: every cache learns it, and members get no text.
        let change = try #require(try fixture.pullAll(token: ben, since: before).changes.first { $0["id"] as? String == "p-ana" })
        let data = try #require(change["data"] as? [String: Any])
        #expect(data["hidden"] as? Bool == true && data["body"] as? String == "")

        let locked = try fixture.push([ServerFixture.op("m:2", "thread.lock", entity: "t-ro-bunici",
                                                        payload: ["id": "t-ro-bunici", "locked": true])], token: moderator, device: "dev-m")
        #expect(locked.first?["status"] as? String == "applied")
        let late = try fixture.push([ServerFixture.op("b:3", "post.create", entity: "p-late",
                                                      payload: ["id": "p-late", "thread_id": "t-ro-bunici", "body": "Prea târziu."])],
                                    token: ben, device: "dev-b")
        #expect(late.first?["status"] as? String == "rejected" && late.first?["code"] as? String == "thread_locked")
        #expect((late.first?["message"] as? String)?.isEmpty == false)
    }

    @Test func anAuthorDeletesAPostForGoodAndItCanNeitherComeBackNorBeEdited() throws {
        let ana = try fixture.login("ana"), ben = try fixture.login("ben")
        let create = ServerFixture.op("a:1", "post.create", entity: "p-del",
                                      payload: ["id": "p-del", "thread_id": "t-ro-bunici", "body": "Numele copilului, din greșeală."])
        _ = try fixture.push([create], token: ana)
        let delete = ServerFixture.op("a:2", "post.delete", entity: "p-del", payload: ["id": "p-del", "thread_id": "t-ro-bunici"])
        let byBen = try fixture.push([ServerFixture.op("b:1", "post.delete", entity: "p-del", payload: ["id": "p-del"])],
                                     token: ben, device: "dev-b")
        #expect(byBen.first?["status"] as? String == "rejected" && byBen.first?["code"] as? String == "forbidden")

        let before = try fixture.lastSeq()
        let deleted = try fixture.push([delete], token: ana)
        #expect(deleted.first?["status"] as? String == "applied")
        // The tombstone travels to every reader, without the text.
        let change = try #require(try fixture.pullAll(token: ben, since: before).changes.first { $0["id"] as? String == "p-del" })
        #expect(change["deleted"] as? Bool == true && (change["data"] as? [String: Any])?["body"] as? String == "")
        #expect((try http.request("GET", "/api/v1/health").json()["records"] as? [String: Int])?["post"] == 206)

        // A late re-send of the creation answers with the tombstone, not the text; the id stays taken.
        let resent = try fixture.push([create, delete], token: ana)
        #expect(resent.map { $0["status"] as? String } == ["duplicate", "duplicate"])
        #expect(!String(describing: resent).contains("greșeală"))
        let again = try fixture.push([ServerFixture.op("a:3", "post.create", entity: "p-del",
                                                       payload: ["id": "p-del", "thread_id": "t-ro-bunici", "body": "Din nou."])], token: ana)
        #expect(again.first?["code"] as? String == "id_taken")
        let edit = try fixture.push([ServerFixture.op("a:4", "post.edit", entity: "p-del", base: 1,
                                                      payload: ["id": "p-del", "body": "Editat."])], token: ana)
        #expect(edit.first?["code"] as? String == "not_found")
        // Deleting it again from the other device is already done.
        let twice = try fixture.push([ServerFixture.op("p:1", "post.delete", entity: "p-del", payload: ["id": "p-del"])],
                                     token: ana, device: "phone")
        #expect(twice.first?["status"] as? String == "applied")
        #expect(try fixture.lastSeq() == before + 1)
    }

    @Test func twoOfflineEditsOfOnePostKeepBothAndTheLaterWins() throws {
        let ana = try fixture.login("ana")
        _ = try fixture.push([ServerFixture.op("a:1", "post.create", entity: "p-e",
                                               payload: ["id": "p-e", "thread_id": "t-ro-bunici", "body": "Original."])], token: ana)
        let laptop = try fixture.push([ServerFixture.op("a:2", "post.edit", entity: "p-e", base: 1,
                                                        hlc: ServerFixture.stamp(1_733_000_000_500, device: "laptop"),
                                                        payload: ["id": "p-e", "body": "Laptop edit."])], token: ana, device: "laptop")
        #expect(laptop.first?["status"] as? String == "applied")
        // The phone edited the same version offline, earlier by its clock: both kept, laptop wins.
        let phone = try fixture.push([ServerFixture.op("p:1", "post.edit", entity: "p-e", base: 1,
                                                       hlc: ServerFixture.stamp(1_733_000_000_100, device: "phone"),
                                                       payload: ["id": "p-e", "body": "Phone edit."])], token: ana, device: "phone")
        #expect(phone.first?["status"] as? String == "conflict")
        let data = try #require((phone.first?["record"] as? [String: Any])?["data"] as? [String: Any])
        #expect(data["body"] as? String == "Laptop edit.")
        let others = (data["other_revisions"] as? [[String: Any]])?.compactMap { $0["body"] as? String }
        #expect(others == ["Phone edit."])
    }

    @Test func gzipWorksBothWays() throws {
        let token = try fixture.login("ana")
        let body = try JSONSerialization.data(withJSONObject: ["schema": 1, "device_id": "dev-z", "ops": [
            ServerFixture.op("z:1", "post.create", entity: "p-z", payload: ["id": "p-z", "thread_id": "t-ro-bunici", "body": "Comprimat."]),
        ]])
        let reply = try http.request("POST", "/api/v1/sync/push", headers: ["Content-Encoding": "gzip", "Accept-Encoding": "gzip"],
                                     body: Gzip.compress(body), token: token)
        #expect(reply.status == 200)
        #expect(reply.text.contains("\"applied\""))
        let page = try http.request("GET", "/api/v1/sync/pull?since=0&limit=200", headers: ["Accept-Encoding": "gzip"], token: token)
        #expect(page.headers["content-encoding"] == "gzip" && page.rawBody.count * 3 < page.body.count)
    }
}
