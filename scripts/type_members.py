#!/usr/bin/env python3
"""Counts the members each type declares across Sources/ (issue #29's "largest type under 40
members"): every func, init, subscript, var and let at the type's top level, in the type and all its
extensions, public or not (enum cases not counted). Prints the largest first."""
import re, sys, pathlib, collections

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Sources")
top = re.compile(r'^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|final|package)\s+)*'
                 r'(?:struct|class|enum|actor|extension|protocol)\s+([A-Za-z_][\w.]*)')
member = re.compile(r'^    (?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|class|final|override|'
                    r'mutating|nonmutating|nonisolated|lazy|convenience|required|package|private\(set\)|public\(set\)|'
                    r'fileprivate\(set\)|internal\(set\))\s+)*(func|init|subscript|var|let)\b')
counts = collections.Counter()
public = collections.Counter()
for path in sorted(root.rglob("*.swift")):
    current = None
    for line in path.read_text().splitlines():
        m = top.match(line)
        if m:
            current = m.group(1).split(".")[-1] if "." in m.group(1) and False else m.group(1)
            continue
        if line.startswith("}"):
            current = None
            continue
        if current and member.match(line):
            counts[current] += 1
            if re.match(r'^    (?:@\w+\s+)*public\b', line) or re.match(r'^    (?:@\w+\s+)*(?:static\s+)?public\b', line):
                public[current] += 1
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 15
for name, n in counts.most_common(limit):
    print(f"{n:4d} members ({public[name]:3d} public)  {name}")
