#!/usr/bin/env python3
"""Puts the reports of a `make bench` run into docs/PERFORMANCE.md.

Usage: update_performance.py PERFORMANCE.md REPORT.md...

Replaces what stands between the `<!-- rrc-bench: begin -->` and `<!-- rrc-bench: end -->`
lines with the reports, in the order given, so the checked-in figures are always those of
one whole run. The prose around the markers (what changed, what was tried) is kept.
"""
import sys

BEGIN, END = "<!-- rrc-bench: begin -->", "<!-- rrc-bench: end -->"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    target, reports = sys.argv[1], sys.argv[2:]
    with open(target, encoding="utf-8") as file:
        text = file.read()
    if BEGIN not in text or END not in text:
        sys.exit(f"{target}: the markers {BEGIN} and {END} are missing")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    parts = []
    for report in reports:
        with open(report, encoding="utf-8") as file:
            parts.append(file.read().strip())
    body = "\n\n".join(parts)
    with open(target, "w", encoding="utf-8") as file:
        file.write(f"{head}{BEGIN}\n{body}\n{END}{tail}")
    print(f"{target}: updated with {len(reports)} report(s)")


main()
