#!/usr/bin/env python3
"""Size report of the shipped files: raw and gzip -9 bytes of each file in dist/, the total,
and the total of what the first page view loads. A report, not a gate: it exits 0 unless
dist/ is missing.

"Loads on first page view" means index.html and every file it names, directly or through the
CSS and JS it loads (trunk's index.html names the JS glue, the wasm and the stylesheets).

Usage: scripts/size-report.py [DIST_DIR]   (default: dist/ at the repository root)
"""

import gzip
import re
import sys
from pathlib import Path

# Text files whose references we follow to find what a first view loads.
FOLLOWED = {".html", ".css", ".js", ".mjs"}


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def first_view(dist: Path, files: dict[str, bytes]) -> set[str]:
    """Names of the files that loading index.html pulls in, found by following references."""
    seen = {"index.html"}
    queue = ["index.html"]
    while queue:
        name = queue.pop()
        if Path(name).suffix not in FOLLOWED:
            continue
        text = files[name].decode("utf-8", errors="replace")
        for other in files:
            if other in seen:
                continue
            # A reference is the file's path as written in the text, with or without a leading
            # "/" or "./"; matching the whole basename boundary avoids prefixes of other names.
            pattern = r"(?<![\w.-])" + re.escape(other) + r"(?![\w.-])"
            if re.search(pattern, text):
                seen.add(other)
                queue.append(other)
    return seen


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "dist"
    if not (dist / "index.html").is_file():
        print(f"size report: no {dist}/index.html; run `trunk build --release` first",
              file=sys.stderr)
        return 1

    files = {
        p.relative_to(dist).as_posix(): p.read_bytes()
        for p in sorted(dist.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(dist).parts)
    }
    first = first_view(dist, files)

    width = max([len(name) for name in files] + [len("first page view (999 files)")]) + 2
    print(f"size report of {dist} (bytes)")
    print(f"{'file':<{width}}{'raw':>10}{'gzip -9':>10}  first view")
    totals = {"all": [0, 0, 0], "first": [0, 0, 0]}
    for name, data in files.items():
        raw, gz = len(data), gzip_size(data)
        loaded = name in first
        print(f"{name:<{width}}{raw:>10}{gz:>10}  {'yes' if loaded else '-'}")
        for key, counted in (("all", True), ("first", loaded)):
            if counted:
                totals[key][0] += 1
                totals[key][1] += raw
                totals[key][2] += gz

    for key, label in (("all", "total"), ("first", "first page view")):
        count, raw, gz = totals[key]
        print(f"{label + f' ({count} files)':<{width}}{raw:>10}{gz:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
