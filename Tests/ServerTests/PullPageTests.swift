// The pull page is written by hand from stored JSON (no re-encoding): it must still be
// exactly what a PullResponse encodes to, whatever the ids and texts hold.
import Foundation
import ServerStore
import SyncProtocol
import Testing

struct PullPageTests {
    @Test func writesWhatPullResponseEncodesTo() throws {
        let page = PullPage(epoch: "e-1", changes: [
            RawChange(seq: 7, kind: "post", id: "p\"1\\ș", version: 2, deleted: false,
                      data: #"{"body":"Ăa \"quoted\" ж 👩‍👧","id":"p\"1\\ș"}"#),
            RawChange(seq: 9, kind: "thread", id: "t-2", version: 1, deleted: true, data: "{}"),
        ], next: 9, more: true)
        let decoded = try JSONDecoder().decode(PullResponse.self, from: page.json())
        #expect(try decoded == page.decoded())
        #expect(decoded.changes.map(\.id) == ["p\"1\\ș", "t-2"])
        #expect(decoded.changes.map(\.deleted) == [false, true])
        #expect(decoded.next == 9 && decoded.more && decoded.epoch == "e-1")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let reencoded = try JSONDecoder().decode(PullResponse.self, from: try encoder.encode(decoded))
        #expect(reencoded == decoded)
    }
}
