// The front-matter block: values, lists, line numbers of every mistake.
import ContentPack
import Testing

struct FrontMatterTests {
    func parse(_ text: String) throws(FrontMatterError) -> FrontMatterDocument {
        try FrontMatter.parse(Array(text.utf8))
    }

    @Test func readsValuesListsAndBody() throws {
        let document = try parse("""
            ---
            id: res-1
            # a comment
            title: "Quoted: with colon"
            topics: [trafficking, "on, the move", 'left-behind']
            empty: []
            ---

            Body line one.
            Body line two.

            """)
        #expect(document.fields["id"]?.value == .text("res-1"))
        #expect(document.fields["id"]?.line == 2)
        #expect(document.fields["title"]?.value == .text("Quoted: with colon"))
        #expect(document.fields["topics"]?.value == .list(["trafficking", "on, the move", "left-behind"]))
        #expect(document.fields["empty"]?.value == .list([]))
        #expect(document.body == "Body line one.\nBody line two.")
    }

    @Test func acceptsCRLFAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\nid: a\r\ntitle: Știință\r\n---\r\nText\r\n".utf8)
        let document = try FrontMatter.parse(bytes)
        #expect(document.fields["title"]?.value == .text("Știință"))
        #expect(document.body == "Text")
    }

    @Test func missingOpeningFenceIsLineOne() {
        let error = #expect(throws: FrontMatterError.self) { try parse("id: x\n") }
        #expect(error?.line == 1)
        #expect(error?.reason.contains("must start with a '---' line") == true)
    }

    @Test func lineWithoutColonIsReportedAtItsLine() {
        let error = #expect(throws: FrontMatterError.self) { try parse("---\nid: x\nkind: post\njust words\n---\n") }
        #expect(error?.line == 4)
        #expect(error?.reason.contains("expected 'key: value'") == true)
    }

    @Test func unclosedFrontMatterAndListAreErrors() {
        #expect(throws: FrontMatterError.self) { try parse("---\nid: x\n") }
        let list = #expect(throws: FrontMatterError.self) { try parse("---\nid: x\ntopics: [a, b\n---\n") }
        #expect(list?.line == 3)
    }

    @Test func invalidUTF8NamesTheLine() {
        let bytes = Array("---\nid: x\n".utf8) + [0x74, 0x69, 0x74, 0xFF, 0x0A] + Array("---\n".utf8)
        let error = #expect(throws: FrontMatterError.self) { try FrontMatter.parse(bytes) }
        #expect(error?.line == 3)
        #expect(error?.reason.contains("UTF-8") == true)
    }

    @Test func duplicateKeyWarnsAndKeepsTheLater() throws {
        let document = try parse("---\nid: a\nid: b\n---\n")
        #expect(document.fields["id"]?.value == .text("b"))
        #expect(document.warnings.first?.line == 3)
    }
}
