"""Write the pinned pages of the corpus repositories from fetched mirrors into a folder.

The website repositories in ``real-pages/repos.json`` are too big to keep in the
repository; each is pinned to a commit. After bringing a repository here as a bare git
directory (the ``fetch`` tool writes ``/work/.mirror/<owner>+<name>/repo``), this writes
its text files at the pinned commit to ``DEST/<owner>__<name>/`` and a ``COMMITS`` file,
the layout ``sample_findings.py --corpus`` reads. Files are read with ``git cat-file``
one by one because ``git archive`` fails on snapshots whose large files are absent.

Usage::

    python tests/corpus/restore.py DEST [--role TEXT] [--mirrors /work/.mirror]
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

KEEP = (".md", ".markdown", ".mdx", ".txt", ".yaml", ".yml", ".toml")
SKIP_PARTS = {"node_modules", "vendor", "themes", ".git"}
MAX_BYTES = 2_000_000


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True,
                          capture_output=True).stdout


def restore(entry: dict, mirrors: Path, dest: Path) -> int:
    """Write one repository's kept files at its pinned commit; return how many."""
    owner, name = entry["repo"].split("/")
    git_dir = mirrors / f"{owner}+{name}" / "repo"
    if not git_dir.is_dir():
        print(f"missing mirror: {entry['repo']} (fetch github:{entry['repo']} first)")
        return 0
    commit = entry["commit"]
    out = dest / f"{owner}__{name}"
    written = 0
    listing = _git(git_dir, "ls-tree", "-r", "-l", commit).decode("utf-8", "replace")
    for line in listing.splitlines():
        meta, _, path = line.partition("\t")
        size = meta.split()[3]
        if not path.lower().endswith(KEEP) or SKIP_PARTS & set(path.split("/")):
            continue
        if size == "-" or int(size) > MAX_BYTES:
            continue
        try:
            data = _git(git_dir, "cat-file", "-p", f"{commit}:{path}")
        except subprocess.CalledProcessError:
            continue
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    return written


def main() -> int:
    """Restore every repository whose role contains --role (all by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--role", default="")
    parser.add_argument("--repos", type=Path,
                        default=Path(__file__).parent / "real-pages" / "repos.json")
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    entries = [e for e in json.loads(args.repos.read_text(encoding="utf-8"))
               if args.role in e["role"]]
    args.dest.mkdir(parents=True, exist_ok=True)
    commits = []
    for entry in entries:
        count = restore(entry, args.mirrors, args.dest)
        if count:
            commits.append(f"{entry['repo'].replace('/', '__')} {entry['commit']}")
            print(f"{entry['repo']}: {count} files")
    (args.dest / "COMMITS").write_text("\n".join(commits) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
