#!/usr/bin/env bash
# Install exactly the lower bounds of vplint's dependencies (pyproject.toml) into a new
# virtual environment and run the test suite there (docs/dependencies.md, policy 2).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(mktemp -d)/venv"
python3 -m venv "$venv"
# shellcheck disable=SC1091
. "$venv/bin/activate"
# Read the bounds from pyproject.toml, so this script cannot drift from it: every
# `name>=X` of the core dependencies becomes `name==X`.
mapfile -t pins < <(python3 - <<'PY'
import re, tomllib
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
for dep in deps:
    match = re.fullmatch(r"([A-Za-z0-9_.\-]+)>=([0-9][^,;\s]*)", dep.strip())
    if match:
        print(f"{match[1]}=={match[2]}")
PY
)
printf '%s\n' "${pins[@]}" > "$venv/lower-bounds.txt"
pip install -q -r "$venv/lower-bounds.txt"
pip install -q --no-deps .
# Test tools are not vplint's runtime dependencies: take today's, constrained to the
# lower bounds so that none of them quietly upgrades a runtime dependency.
python3 - <<'PY' > "$venv/test-deps.txt"
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["test"]))
PY
pip install -q -r "$venv/test-deps.txt" -c "$venv/lower-bounds.txt"
pip list 2>/dev/null | grep -iE "^(click|rich|pyyaml|jinja2|cn2an|charset-normalizer|pathspec|pyromark|pygls|opencc-purepy|ahocorasick-rs|google-re2) "
python -m pytest "$@"
