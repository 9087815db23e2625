#!/usr/bin/env python3
"""Makes a newsboat cache holding N items in one feed, for the first-screen comparison.

usage: newsboat_cache.py N DIR   (writes DIR/urls, DIR/feed.xml, DIR/cache.db, DIR/config)
newsboat creates its own schema from a one-item feed; the other items are copies of that row.
"""
import os, sqlite3, subprocess, sys

def main():
    count, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    feed = os.path.join(folder, "feed.xml")
    with open(feed, "w") as f:
        f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed</title><link>http://example.org</link>'
                '<description>d</description><item><title>item 0</title><link>http://example.org/0</link><guid>g0</guid>'
                '<description>Text of the item.</description></item></channel></rss>')
    with open(os.path.join(folder, "urls"), "w") as f:
        f.write("file://" + feed + "\n")
    open(os.path.join(folder, "config"), "w").close()
    cache = os.path.join(folder, "cache.db")
    subprocess.run(["newsboat", "-C", os.path.join(folder, "config"), "-c", cache, "-u", os.path.join(folder, "urls"), "-x", "reload"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    db = sqlite3.connect(cache)
    columns = [row[1] for row in db.execute("PRAGMA table_info(rss_item)") if row[1] != "id"]
    row = db.execute(f"SELECT {', '.join(columns)} FROM rss_item LIMIT 1").fetchone()
    guid, title = columns.index("guid"), columns.index("title")
    def rows():
        for n in range(1, count):
            values = list(row)
            values[guid] = f"g{n}"
            values[title] = f"item {n}"
            yield values
    db.executemany(f"INSERT INTO rss_item ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows())
    db.commit()
    print(db.execute("SELECT count(*) FROM rss_item").fetchone()[0])

if __name__ == "__main__":
    main()
