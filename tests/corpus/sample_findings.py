"""Sample vplint's text-level findings on real website repositories for blind labelling.

Lints (optionally) each checked-out repository under ``--corpus`` with ``vplint check
--format json --no-cache``, pools the findings that quote text (``match`` is set) on
English and Chinese pages, and draws a fixed-seed random sample.  Each sampled item is a
locator (repo, commit, path, line, column), the finding, a short excerpt of the paragraph
around it (at most 400 characters) and the rule's public documentation (``vplint
explain CODE``), which is all a blind labeller needs to judge it.

The page language used to pick English and Chinese pages is decided here, from the
file's path and script, independently of vplint (whose language detection is one of the
things being measured).

Layout expected under ``--corpus``: one directory per repository named ``owner__name``
and a ``COMMITS`` file with lines ``owner__name <commit>``.

Usage::

    python tests/corpus/sample_findings.py --corpus /tmp/corpus --reports /tmp/before \\
        --lint --seed 13 --n 240 --id-prefix b --out /work/notes/samples-before.jsonl
    # a fresh sample later, excluding findings already sampled:
    python tests/corpus/sample_findings.py ... --seed 2027 --id-prefix a \\
        --exclude /work/notes/samples-before.jsonl --out /work/notes/samples-after.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

EXCERPT_MAX = 400
MIN_PER_REPO = 20
"""Each repository gets at least this many items (or all it has), so a small site is seen."""

_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_OTHER_LANG = re.compile(
    r"(?:^|[/._-])(de|es|fr|id|it|pt|pt-br|ru|vi|tr|pl|nl|ja|ko|ar|th)(?:[/._-]|$)"
)
_ZH_HANT = re.compile(r"(?:^|[/._-])(tw|zh-tw|zh-hant|hk|zh-hk)(?:[/._-]|$)", re.I)
_ZH_HANS = re.compile(r"(?:^|[/._-])(cn|zh|zh-cn|zh-hans)(?:[/._-]|$)", re.I)


def page_language(path: str, text: str) -> str:
    """The page's language for sampling: en, zh-Hans, zh-Hant or other.

    A locale in the path wins; otherwise kana or hangul make it other, a Han majority
    among letters Chinese, and anything else English.
    """
    lower = path.lower()
    if _ZH_HANT.search(lower):
        return "zh-Hant"
    if _ZH_HANS.search(lower):
        return "zh-Hans"
    if _OTHER_LANG.search(lower):
        return "other"
    if len(_KANA.findall(text)) > 20 or len(_HANGUL.findall(text)) > 20:
        return "other"
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    return "zh-Hans" if han and han >= 0.2 * (han + latin) else "en"


def excerpt(lines: list[str], line: int, column: int, match: str) -> str:
    """The paragraph around (line, column), cut to EXCERPT_MAX characters around the match."""
    i = line - 1
    start, end = i, i
    while start > 0 and lines[start - 1].strip() and start > i - 8:
        start -= 1
    while end + 1 < len(lines) and lines[end + 1].strip() and end < i + 8:
        end += 1
    para = "\n".join(lines[start : end + 1])
    offset = sum(len(x) + 1 for x in lines[start:i]) + max(column - 1, 0)
    if len(para) <= EXCERPT_MAX:
        return para
    room = max(EXCERPT_MAX - len(match), 40)
    lo = max(0, offset - room // 2)
    hi = min(len(para), lo + EXCERPT_MAX)
    lo = max(0, hi - EXCERPT_MAX)
    return ("…" if lo else "") + para[lo:hi] + ("…" if hi < len(para) else "")


def lint(corpus: Path, reports: Path, names: list[str], vplint: str) -> None:
    """Run vplint over each repository directory, writing <reports>/<name>.json."""
    reports.mkdir(parents=True, exist_ok=True)
    for name in names:
        out = reports / f"{name}.json"
        cmd = [vplint, "check", "--format", "json", "--no-cache", "--no-progress", "."]
        with out.open("w", encoding="utf-8") as fh:
            proc = subprocess.run(cmd, cwd=corpus / name, stdout=fh, check=False)
        if proc.returncode not in (0, 1):
            try:  # a rule crash (VP900, exit 2) still writes the report: sample the rest
                json.loads(out.read_text(encoding="utf-8"))
            except ValueError:
                sys.exit(f"vplint failed on {name} (exit {proc.returncode})")
            print(f"warning: vplint exited {proc.returncode} on {name}", file=sys.stderr)


def explain(code: str, vplint: str, cache: dict[str, str]) -> str:
    """`vplint explain CODE`, cached per code."""
    if code not in cache:
        cache[code] = subprocess.run(
            [vplint, "explain", code], capture_output=True, text=True, check=False
        ).stdout.strip()
    return cache[code]


def locator(item: dict) -> tuple:
    """The identity of a finding across runs."""
    return (item["repo"], item["path"], item["line"], item["column"], item["code"])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--reports", type=Path, required=True)
    ap.add_argument("--lint", action="store_true", help="run vplint first")
    ap.add_argument("--vplint", default="vplint")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=240)
    ap.add_argument("--id-prefix", default="s")
    ap.add_argument("--exclude", type=Path, action="append", default=[])
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)

    commits = dict(
        line.split() for line in (args.corpus / "COMMITS").read_text().splitlines() if line.strip()
    )
    names = sorted(commits)
    if args.lint:
        lint(args.corpus, args.reports, names, args.vplint)
    seen = set()
    for path in args.exclude:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                seen.add(locator(json.loads(line)))

    pools: dict[str, list[dict]] = {}
    page_langs: Counter = Counter()
    for name in names:
        repo = name.replace("__", "/")
        report = json.loads((args.reports / f"{name}.json").read_text(encoding="utf-8"))
        pool = []
        for entry in report["files"]:
            path = entry["path"]
            text = (args.corpus / name / path).read_text(encoding="utf-8", errors="replace")
            lang = page_language(path, text)
            page_langs[lang] += 1
            if lang == "other":
                continue
            for f in entry["findings"]:
                if not f.get("match"):
                    continue
                item = {
                    "repo": repo,
                    "commit": commits[name],
                    "path": path,
                    "line": f["line"],
                    "column": f["column"],
                    "code": f["code"],
                    "message": f["message"],
                    "match": f["match"],
                    "page_language": lang,
                }
                if locator(item) not in seen:
                    pool.append(item)
        pools[name] = pool

    rng = random.Random(args.seed)
    total = sum(len(p) for p in pools.values())
    chosen: list[dict] = []
    for name in names:
        pool = pools[name]
        share = round(args.n * len(pool) / total) if total else 0
        k = min(len(pool), max(share, MIN_PER_REPO))
        chosen.extend(rng.sample(pool, k))
    rng.shuffle(chosen)

    cache: dict[str, str] = {}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(args.out.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for i, item in enumerate(chosen, 1):
            name = item["repo"].replace("/", "__")
            lines = (args.corpus / name / item["path"]).read_text(
                encoding="utf-8", errors="replace"
            ).split("\n")
            record = {"id": f"{args.id_prefix}{i:03d}", **item}
            record["context"] = excerpt(lines, item["line"], item["column"], item["match"])
            record["rule_explain"] = explain(item["code"], args.vplint, cache)
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(args.out)
    print(
        f"pool={total} sampled={len(chosen)} by repo="
        f"{dict(Counter(c['repo'] for c in chosen))} pages={dict(page_langs)}"
    )
    print(f"by rule={dict(Counter(c['code'] for c in chosen).most_common())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
