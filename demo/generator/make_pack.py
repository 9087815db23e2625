#!/usr/bin/env python3
"""Writes the demo content pack (demo/pack) from the fictional data in this folder.

The pack is checked in; run this again only after changing the data:
    python3 demo/generator/make_pack.py
Everything here is invented: people, organisations and discussions. No real cases.
"""
import os
import shutil
from datetime import datetime, timedelta

from community import FORUMS, MORE_REPLIES, PEOPLE, THREADS
from guides import GUIDES
from library import HEADINGS, WORKS

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = os.path.join(HERE, "..", "pack")


def quote(value):
    """Front-matter values with a leading quote, bracket or hash, or edge spaces, get quoted."""
    text = str(value)
    if text[:1] in "[\"'#" or text != text.strip():
        return '"' + text + '"'
    return text


def write(path, fields, body):
    full = os.path.join(PACK, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    lines = ["---"]
    for key, value in fields:
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        else:
            lines.append(f"{key}: {quote(value)}")
    lines.append("---")
    with open(full, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n\n" + body.strip() + "\n")


def main():
    if os.path.isdir(PACK):
        for entry in os.listdir(PACK):
            if entry != "files":
                shutil.rmtree(os.path.join(PACK, entry)) if os.path.isdir(os.path.join(PACK, entry)) else os.remove(os.path.join(PACK, entry))

    for pid, name, role, country, language, bio in PEOPLE:
        write(f"people/{pid}.md", [("id", pid), ("kind", "person"), ("language", language), ("title", name),
                                   ("role", role), ("country", country)], bio)

    for fid, language, title, description in FORUMS:
        write(f"forums/{fid}/forum.md", [("id", fid), ("kind", "forum"), ("language", language), ("title", title)], description)

    posts = 0
    for tid, fid, title, author, created, opening, replies in THREADS:
        language = next(f[1] for f in FORUMS if f[0] == fid)
        write(f"forums/{fid}/{tid}/thread.md", [("id", tid), ("kind", "thread"), ("language", language), ("title", title),
                                                ("forum", fid), ("author", author), ("created", created)], opening)
        start = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
        for number, (who, hours, text) in enumerate(replies + MORE_REPLIES.get(tid, []), start=1):
            when = (start + timedelta(hours=hours, minutes=7 * number)).strftime("%Y-%m-%dT%H:%M:%SZ")
            pid = f"{tid}-{number:02d}"
            write(f"forums/{fid}/{tid}/{pid}.md", [("id", pid), ("kind", "post"), ("language", language), ("thread", tid),
                                                   ("author", who), ("created", when)], text)
            posts += 1

    resources = 0
    for base, rtype, topics, countries, year, author, licence, attachments, languages in WORKS:
        group = f"{base}-en" if "en" in languages else f"{base}-{next(iter(languages))}"
        for language, (title, summary, points) in languages.items():
            rid = f"{base}-{language}"
            key_points, about, note = HEADINGS[language]
            body = f"{summary}\n\n## {key_points}\n\n" + "\n".join(f"- {p}" for p in points)
            body += f"\n\n## {about}\n\n{note}\n"
            fields = [("id", rid), ("kind", "resource"), ("language", language), ("title", title), ("type", rtype),
                      ("topics", topics), ("countries", countries), ("year", year), ("author", author),
                      ("licence", licence), ("summary", summary)]
            if rid != group:
                fields.append(("translation_of", group))
            if attachments:
                fields.append(("attachments", attachments))
            write(f"library/{base}/{rid}.md", fields, body)
            resources += 1

    for gid, language, group, title, topics, summary, body in GUIDES:
        fields = [("id", gid), ("kind", "guide"), ("language", language), ("title", title), ("topics", topics),
                  ("summary", summary)]
        if group:
            fields.append(("translation_of", group))
        write(f"guides/{gid}.md", fields, body)

    print(f"{len(PEOPLE)} people, {len(FORUMS)} forums, {len(THREADS)} threads, {posts} posts, "
          f"{resources} resources in {len(WORKS)} works, {len(GUIDES)} guide files")


if __name__ == "__main__":
    main()
