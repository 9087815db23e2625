# Fictional case-practice guides of the demo pack: sections, checklists, "when to refer" boxes.

GUIDES = [
    ("guide-home-visit", "en", None, "First home visit after a referral", ["case-management", "neglect"],
     "Step-by-step practice for the first visit to a family after a report of concern.", """
Use this guide for the first visit after a referral. It is a reminder, not a replacement for your judgement.

## Before the visit

Read the referral and check what is already known about the family.

- [ ] Read the referral and note the exact concern
- [ ] Check earlier contacts with the family in your records
- [ ] Agree with a colleague when you will call them after the visit
- [ ] Plan how you will explain the purpose of the visit in simple words

## At the door

- [ ] Introduce yourself and show your identity card
- [ ] Explain why you came and what will happen next
- [ ] Ask permission to come in

> **When to refer immediately:** if you see a child in immediate danger, leave with the child's safety
> plan agreed with your supervisor or call the police. Do not stay alone in an unsafe situation.

## During the visit

- [ ] See and speak with the child, where the child agrees
- [ ] Describe the home and the care you see in concrete terms
- [ ] Ask the family what help they would find useful

## After the visit

- [ ] Write your notes the same day, separating facts from opinions
- [ ] Call your colleague as agreed
- [ ] Discuss the next steps in supervision
"""),
    ("guide-home-visit-ro", "ro", "guide-home-visit", "Prima vizită la domiciliu după o sesizare", ["case-management", "neglect"],
     "Pași practici pentru prima vizită la o familie după o sesizare.", """
Folosiți acest ghid la prima vizită după o sesizare. Este un sprijin, nu înlocuiește judecata profesională.

## Înainte de vizită

- [ ] Citiți sesizarea și notați exact îngrijorarea
- [ ] Verificați contactele anterioare cu familia
- [ ] Stabiliți cu un coleg când îl sunați după vizită
- [ ] Pregătiți o explicație simplă a scopului vizitei

## La ușă

- [ ] Prezentați-vă și arătați legitimația
- [ ] Explicați de ce ați venit și ce urmează
- [ ] Cereți permisiunea de a intra

> **Când referiți imediat:** dacă vedeți un copil în pericol imediat, contactați supervizorul sau poliția.
> Nu rămâneți singur într-o situație nesigură.

## În timpul vizitei

- [ ] Vedeți copilul și vorbiți cu el, dacă este de acord
- [ ] Descrieți concret locuința și îngrijirea pe care o observați
- [ ] Întrebați familia ce ajutor i-ar fi util

## După vizită

- [ ] Scrieți notele în aceeași zi, separând faptele de opinii
- [ ] Sunați colegul, cum ați stabilit
- [ ] Discutați pașii următori în supervizare
"""),
    ("guide-disclosure", "en", None, "Responding when a child discloses abuse", ["abuse", "violence"],
     "What to do in the first minutes and hours after a child tells you about abuse.", """
A child who tells you about abuse has chosen you. How you respond in the first minutes matters.

## Listening

- [ ] Stay calm and give the child your full attention
- [ ] Let the child speak in their own words; do not interrupt
- [ ] Do not ask leading questions or push for details

## Reassuring

- [ ] Tell the child they did the right thing by telling you
- [ ] Explain honestly what you will do next
- [ ] Do not promise to keep a secret

> **When to refer:** always, and the same day. Follow your agency's reporting procedure.

## Recording and referring

- [ ] Write down the child's own words, the date and the time
- [ ] Report to the child protection service the same day
- [ ] Tell your supervisor and look after yourself afterwards
"""),
    ("guide-disclosure-bg", "bg", "guide-disclosure", "Как да реагираме, когато дете сподели за насилие", ["abuse", "violence"],
     "Какво да направим в първите минути и часове, след като дете сподели за насилие.", """
Детето, което ви разказва за насилие, е избрало вас. Реакцията ви в първите минути е важна.

## Изслушване

- [ ] Останете спокойни и обърнете цялото си внимание на детето
- [ ] Оставете детето да говори със своите думи, без да го прекъсвате
- [ ] Не задавайте подвеждащи въпроси и не настоявайте за подробности

## Успокояване

- [ ] Кажете на детето, че е постъпило правилно, като ви е казало
- [ ] Обяснете честно какво ще направите след това
- [ ] Не обещавайте да пазите тайна

> **Кога да насочим:** винаги и още същия ден, според процедурата на вашата институция.

## Записване и насочване

- [ ] Запишете думите на детето, датата и часа
- [ ] Подайте сигнал в отдел „Закрила на детето“ още същия ден
- [ ] Информирайте супервизора си и се погрижете за себе си след това
"""),
    ("guide-safety-plan", "en", None, "Making a safety plan with a family", ["violence", "case-management"],
     "How to agree a written safety plan that the family understands and can follow.", """
A safety plan says what will keep the child safe, who does what, and what happens if it does not work.

## Preparing

- [ ] Be clear about the danger you want to prevent
- [ ] Identify the adults who can protect the child
- [ ] Ask the child, at their level, who makes them feel safe

## Writing the plan together

- [ ] Use the family's own words
- [ ] Name a person and a time for every action
- [ ] Agree what happens if the plan is not followed

> **When to refer:** if no adult can keep the child safe, the plan is not enough. Discuss placement options with your supervisor.

## Reviewing

- [ ] Give everyone a copy of the plan
- [ ] Set a review date within two weeks
- [ ] Record every change to the plan
"""),
    ("guide-safety-plan-sq", "sq", "guide-safety-plan", "Hartimi i një plani sigurie me familjen", ["violence", "case-management"],
     "Si të bini dakord për një plan sigurie të shkruar që familja e kupton dhe mund ta ndjekë.", """
Plani i sigurisë tregon çfarë e mban fëmijën të sigurt, kush bën çfarë dhe çfarë ndodh nëse nuk funksionon.

## Përgatitja

- [ ] Jini të qartë për rrezikun që doni të parandaloni
- [ ] Identifikoni të rriturit që mund ta mbrojnë fëmijën
- [ ] Pyetni fëmijën, sipas moshës, kush e bën të ndihet i sigurt

## Shkrimi i planit së bashku

- [ ] Përdorni fjalët e vetë familjes
- [ ] Caktoni një person dhe një kohë për çdo veprim
- [ ] Bini dakord çfarë ndodh nëse plani nuk ndiqet

> **Kur të referoni:** nëse asnjë i rritur nuk mund ta mbajë fëmijën të sigurt, plani nuk mjafton. Diskutoni mundësitë e vendosjes me mbikëqyrësin.

## Rishikimi

- [ ] Jepini të gjithëve një kopje të planit
- [ ] Caktoni një datë rishikimi brenda dy javësh
- [ ] Regjistroni çdo ndryshim në plan
"""),
    ("guide-unaccompanied", "en", None, "Receiving an unaccompanied child", ["children-on-the-move", "unaccompanied"],
     "The first 48 hours with a child who arrives without parents or carers.", """
## Safety and basic needs

- [ ] Make sure the child is safe, warm, fed and can rest
- [ ] Check urgent health needs
- [ ] Find out which language the child speaks best

## Guardian and information

- [ ] Request a temporary guardian the same day
- [ ] Explain the child's rights and the next steps with a trained interpreter
- [ ] Ask whether the child wants to contact family

> **When to refer:** signs of trafficking or exploitation (someone controlling the child, debts, missing documents) — refer to the anti-trafficking focal point at once.

## Placement

- [ ] Place the child in suitable accommodation, never in detention
- [ ] Agree who visits the child in the first week
"""),
    ("guide-unaccompanied-sh", "sh", "guide-unaccompanied", "Prijem djeteta bez pratnje", ["children-on-the-move", "unaccompanied"],
     "Prvih 48 sati s djetetom koje dolazi bez roditelja ili staratelja.", """
## Sigurnost i osnovne potrebe

- [ ] Osigurajte da je dijete na sigurnom, toplo, nahranjeno i da se može odmoriti
- [ ] Provjerite hitne zdravstvene potrebe
- [ ] Saznajte koji jezik dijete najbolje govori

## Staratelj i informacije

- [ ] Zatražite privremenog staratelja isti dan
- [ ] Objasnite prava i sljedeće korake uz obučenog prevodioca
- [ ] Pitajte da li dijete želi kontaktirati porodicu

> **Kada uputiti:** znakovi trgovine ljudima ili iskorištavanja (neko kontroliše dijete, dugovi, nedostaju dokumenti) — odmah uputite kontakt osobi za borbu protiv trgovine ljudima.

## Smještaj

- [ ] Smjestite dijete u odgovarajući smještaj, nikada u pritvor
- [ ] Dogovorite ko posjećuje dijete u prvoj sedmici
"""),
    ("guide-case-review", "en", None, "Reviewing a case plan", ["case-management", "supervision"],
     "A structured review of a child's plan every three months, with the child and family.", """
## Preparing the review

- [ ] Collect updates from every service involved
- [ ] Ask the child how things are going, in a way that suits their age
- [ ] Invite the family and agree a time that works for them

## The review meeting

- [ ] Go through each goal: achieved, partly achieved, not achieved
- [ ] Decide what to keep, change or stop
- [ ] Write new actions with a person and a date

> **When to refer back to supervision:** if no goal has moved in two reviews, or new risks have appeared.

## After the review

- [ ] Send the updated plan to everyone involved
- [ ] Tell the child what was decided
"""),
    ("guide-workshop-facilitation", "en", None, "Facilitating a workshop without internet", ["participation", "supervision"],
     "A trainer's checklist for workshops in places without a connection.", """
## The day before

- [ ] Sync rrc so guides, library and forums are on your laptop
- [ ] Print checklists for participants without laptops
- [ ] Prepare a fictional case for exercises — never a real one

## On the day

- [ ] Present one guide section per screen in presenter mode
- [ ] Let participants write their questions in the forum offline
- [ ] Keep to time and leave space for questions

## Afterwards

- [ ] Sync as soon as you have a connection, so participants' posts go out
- [ ] Send the one-month follow-up question
"""),
    ("guide-workshop-facilitation-ro", "ro", "guide-workshop-facilitation", "Facilitarea unui atelier fără internet", ["participation", "supervision"],
     "Lista de verificare a formatorului pentru ateliere în locuri fără conexiune.", """
## Cu o zi înainte

- [ ] Sincronizați rrc ca ghidurile, biblioteca și forumurile să fie pe laptop
- [ ] Tipăriți listele de verificare pentru participanții fără laptop
- [ ] Pregătiți un caz fictiv pentru exerciții — niciodată unul real

## În ziua atelierului

- [ ] Prezentați câte o secțiune de ghid pe ecran, în modul prezentare
- [ ] Lăsați participanții să scrie întrebările pe forum, offline
- [ ] Respectați timpul și lăsați loc pentru întrebări

## După atelier

- [ ] Sincronizați imediat ce aveți conexiune, ca mesajele participanților să plece
- [ ] Trimiteți întrebarea de urmărire după o lună
"""),
]
