// Guides split at headings; task items become the section's checklist.
import Markdown
import Model
import Testing

struct GuideOutlineTests {
    @Test func sectionsAndChecklistsFollowHeadings() {
        let sections = GuideOutline.sections(of: """
            Read this before a home visit.

            ## Before the visit

            Prepare calmly.

            - [ ] Read the **referral** note
            - [x] Agree a time with the family
              - [ ] Nested: bring an interpreter if needed

            ## During the visit

            ```
            - [ ] not a task: inside a code block
            ```

            > **When to refer:** any sign of immediate danger.

            ## После посещения

            - [ ] Запишете наблюденията
            """, introTitle: "Guide")
        #expect(sections.map(\.title) == ["Guide", "Before the visit", "During the visit", "После посещения"])
        #expect(sections[0].level == 0)
        #expect(sections[0].body == "Read this before a home visit.")
        #expect(sections[1].checklist.map(\.text) == [
            "Read the referral note", "Agree a time with the family", "Nested: bring an interpreter if needed",
        ])
        #expect(sections[1].checklist.map(\.checkedByDefault) == [false, true, false])
        #expect(sections[1].body.hasPrefix("Prepare calmly."))
        #expect(sections[2].checklist.isEmpty)
        #expect(sections[2].body.contains("When to refer"))
        #expect(sections[3].checklist.map(\.text) == ["Запишете наблюденията"])
    }

    @Test func guideWithoutHeadingsIsOneSection() {
        let sections = GuideOutline.sections(of: "- [ ] only step", introTitle: "Quick guide")
        #expect(sections.count == 1)
        #expect(sections[0].title == "Quick guide")
        #expect(sections[0].checklist.map(\.text) == ["only step"])
    }
}
