// The identifier check must catch what DOMAIN.md names, in the region's languages and
// formats, and leave ordinary professional text alone.
import Model
import Testing

@Suite struct IdentifierScanTests {
    func kinds(_ text: String) -> [IdentifierKind] { IdentifierScan.findings(in: text).map(\.kind) }

    @Test(arguments: [
        ("CNP-ul copilului este 5010203123456, vă rog verificați.", IdentifierKind.idNumber, "5010203123456"),
        ("JMBG: 0101005710123", .idNumber, "0101005710123"),
        ("ЕГН 0541015678 на детето", .idNumber, "0541015678"),
        ("EGN 8506151234 i tako dalje", .idNumber, "8506151234"),
        ("Rođena 03.04.2012. u Tuzli", .date, "03.04.2012"),
        ("born 3/4/2012 in town", .date, "3/4/2012"),
        ("data e lindjes 2012-04-03", .date, "2012-04-03"),
        ("sunați la 0722 123 456 după ora 5", .phone, "0722 123 456"),
        ("Тел.: +359 88 123 4567", .phone, "+359 88 123 4567"),
        ("zovite 00387 61 234-567", .phone, "00387 61 234-567"),
        ("scrieți la mama.copilului@example.org azi", .email, "mama.copilului@example.org"),
        ("locuiește pe Strada Florilor nr. 12, etaj 2", .address, "Strada Florilor nr. 12"),
        ("живее на ул. Витоша 15 в София", .address, "ул. Витоша 15"),
        ("banon në Rruga e Kavajës 44", .address, "Rruga e Kavajës 44"),
        ("stanuje u ulici Ulica Kralja Tomislava 7", .address, "Ulica Kralja Tomislava 7"),
        ("at 12 Station Road? no: Station Road 12", .address, "Road 12"),
    ])
    func findsIdentifier(text: String, kind: IdentifierKind, match: String) {
        let findings = IdentifierScan.findings(in: text)
        #expect(findings.contains { $0.kind == kind && $0.text == match }, "\(findings)")
    }

    @Test(arguments: [
        "Workshop in 2024 on alternative care, 25 participants, 3 sessions.",
        "Conform Legii nr. 272/2004 privind protecția copilului.",
        "Vezi raportul de la pagina 134, tabelul 7.",
        "Проектът продължи от 2019 до 2023 година.",
        "Version 1.2.3 of the guide; call the hotline 116 111.",
    ])
    func leavesOrdinaryTextAlone(text: String) {
        #expect(IdentifierScan.findings(in: text).isEmpty, "\(IdentifierScan.findings(in: text))")
    }

    @Test func numbersInsideLongerNumbersAreNotIDs() {
        #expect(!kinds("ref 12345678901234567").contains(.idNumber))
        #expect(!kinds("code A5010203123456").contains(.idNumber))
    }

    @Test func anonymisingReplacesEveryFindingAndKeepsTheRest() {
        let text = "Mama (tel. 0722 123 456, maria@example.org) a spus că CNP 5010203123456 e greșit."
        let result = IdentifierScan.anonymised(text) { "[\($0.rawValue)]" }
        #expect(result == "Mama (tel. [phone], [email]) a spus că CNP [id-number] e greșit.")
        #expect(IdentifierScan.findings(in: result).isEmpty)
    }
}

@Suite struct HybridTimestampTests {
    @Test func stampsOrderLocalEventsEvenWhenTheClockStandsStillOrGoesBack() {
        let first = HybridTimestamp.next(after: nil, now: 1_000, device: "a")
        let second = HybridTimestamp.next(after: first, now: 1_000, device: "a")
        let third = HybridTimestamp.next(after: second, now: 500, device: "a")  // clock jumped back
        #expect(first < second && second < third)
        #expect(third.wallMilliseconds == 1_000 && third.counter == 2)
    }

    @Test func textSortsLikeTheStampsAndReadsBack() {
        let early = HybridTimestamp(wallMilliseconds: 99, counter: 12, device: "dev-1")
        let late = HybridTimestamp(wallMilliseconds: 1_733_000_000_000, counter: 0, device: "dev-0")
        #expect(early.description < late.description)
        #expect(HybridTimestamp(early.description) == early)
        #expect(HybridTimestamp("not a stamp") == nil)
    }

    @Test func mergingARemoteStampMovesTheClockPastIt() {
        let remote = HybridTimestamp(wallMilliseconds: 5_000, counter: 3, device: "b")
        let merged = HybridTimestamp.merged(local: nil, remote: remote, now: 1_000, device: "a")
        #expect(merged > remote)
    }
}

@Suite struct RecordIDTests {
    @Test func idsAreVersion7AndSortByTime() {
        let early = RecordID.make(milliseconds: 1_700_000_000_000)
        let late = RecordID.make(milliseconds: 1_700_000_000_001)
        #expect(early.count == 36 && early < late)
        #expect(Array(early)[14] == "7")
        #expect("89ab".contains(Array(early)[19]))
        #expect(RecordID.make(milliseconds: 1) != RecordID.make(milliseconds: 1))
    }
}
