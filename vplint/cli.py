"""The `vplint` command. Thin: parse options, call the API, pick a reporter, set the exit code.

Exit codes: 0 clean (no error-severity finding, every score >= fail-under), 1 findings
fail the gate, 2 usage/configuration error or internal failure.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from vplint import __version__
from vplint.errors import UsageError, VplintError
from vplint.report.safe import inert_lines, visible

app = typer.Typer(
    name="vplint",
    help="Lint customer value propositions (English and Chinese).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_ERROR = 2
"""Usage, configuration and internal errors (checkrun decides 0 and 1)."""


def _codes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vplint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:  # --debug is read by main() wherever it stands; declared here for --help.
    """Lint customer value propositions (English and Chinese)."""


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files or directories (default: the current directory).")] = None,
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help="terminal, markdown, json, sarif, github, gitlab, junit or html."
    )] = "terminal",
    output: Annotated[str | None, typer.Option("--output", "-o",
                                                  help="Write the report to a file.")] = None,
    select: Annotated[str | None, typer.Option(
        help="Comma-separated codes or prefixes to run (replaces the configured list).")] = None,
    extend_select: Annotated[str | None, typer.Option(
        help="Codes or prefixes to run in addition.")] = None,
    ignore: Annotated[str | None, typer.Option(
        help="Comma-separated codes or prefixes to skip.")] = None,
    fail_under: Annotated[float | None, typer.Option(
        help="Fail when any proposition scores below this (0-100).")] = None,
    lang: Annotated[str | None, typer.Option(
        help="Force the language of messages: en or zh.")] = None,
    config: Annotated[str | None, typer.Option(
        help="Configuration file (default: nearest .vplint.yaml or pyproject.toml).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q",
                                        help="Only propositions with findings.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours.")] = False,
    baseline: Annotated[str | None, typer.Option(
        metavar="FILE", help="Fail only on findings not recorded in this baseline.")] = None,
    write_baseline: Annotated[str | None, typer.Option(
        metavar="FILE", help="Record today's findings in a baseline file.")] = None,
    changed: Annotated[str | None, typer.Option(
        metavar="[REF]", help="Only files changed since REF (default: the merge base with "
        "the default branch); write --changed=REF when a path follows.")] = None,
    compare: Annotated[str | None, typer.Option(
        metavar="REF", help="Show each score before (at Git REF) and after.")] = None,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress",
        help="Progress bar (default: on a terminal, outside CI, for many files).")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Processes to lint with; 0 = every core (default: every core "
        "for more than 300 files, else 1). The output is the same either way.")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Neither read nor write the results cache.")] = False,
    cache_dir: Annotated[str | None, typer.Option(
        "--cache-dir", metavar="DIR", help="Where the results cache lives (default: "
        "$VPLINT_CACHE_DIR, else the user's cache directory).")] = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply the safe fixes to the files, then report what remains.")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Print the safe fixes as a unified diff; change no file.")] = False,
) -> None:
    """Lint proposition (YAML) and copy (Markdown, text) files and score them."""
    from vplint.checkrun import CheckOptions, run_check

    raise typer.Exit(run_check(CheckOptions(
        paths=paths or [], output_format=output_format, output=output, select=_codes(select),
        extend_select=_codes(extend_select), ignore=_codes(ignore), fail_under=fail_under,
        lang=lang, config=config, quiet=quiet, no_color=no_color, baseline=baseline,
        write_baseline=write_baseline, changed=changed, compare=compare, progress=progress,
        jobs=jobs, no_cache=no_cache, fix=fix, diff=diff, cache_dir=cache_dir)))


@app.command("rules")
def list_rules(
    output_format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    config: Annotated[str | None, typer.Option(help="Configuration file.")] = None,
) -> None:
    """List every rule: code, name, severity, dimension and weight."""
    from vplint import api

    run = api.prepare(config)
    rules = run.registry.sorted()
    if output_format == "json":
        import json

        typer.echo(json.dumps([{
            "code": r.code, "name": r.name, "family": r.family, "severity": r.severity.value,
            "dimension": r.dimension, "weight": r.weight, "advisory": r.advisory,
        } for r in rules], ensure_ascii=False, indent=2))
        return
    if output_format != "table":
        raise UsageError(f"unknown format '{output_format}' for rules; choose table or json")
    for r in rules:
        dim = r.dimension or "-"
        mark = "  advisory" if r.advisory else ""
        typer.echo(f"{r.code:<7} {visible(r.name):<32} {r.severity.value:<8} {dim:<16} "
                   f"{r.weight:g}{mark}")


SECTION_TITLES = {
    "en": {"what": "What it does", "why": "Why it matters", "example": "Example",
           "use_instead": "Use instead", "source": "Source", "severity": "Severity",
           "dimension": "Dimension"},
    "zh": {"what": "规则说明", "why": "为什么重要", "example": "反例", "use_instead": "改为",
           "source": "出处", "severity": "严重级别", "dimension": "评分维度"},
}


@app.command()
def explain(
    code: Annotated[str | None, typer.Argument(help="A rule code, e.g. TIM001.")] = None,
    lang: Annotated[str, typer.Option(help="en or zh.")] = "en",
    config: Annotated[str | None, typer.Option(help="Configuration file.")] = None,
    scoring: Annotated[bool, typer.Option(
        "--scoring", help="Explain what the score and the grades mean.")] = False,
) -> None:
    """Show a rule's documentation, or what the score means (--scoring)."""
    from vplint import api

    if lang not in ("en", "zh"):
        raise UsageError(f"--lang must be en or zh, not '{lang}'")
    if scoring:
        from vplint.scoring import meaning

        typer.echo(meaning(lang))
        return
    if code is None:
        raise UsageError("give a rule code (e.g. vplint explain TIM001) or --scoring")
    rule = api.prepare(config).registry.get(code)
    titles = SECTION_TITLES[lang]
    docs = rule.docs.get(lang) or rule.docs.get("en") or {}
    advisory = {"en": "  [advisory]", "zh": "  [提示性]"}[lang] if rule.advisory else ""
    lines = [f"{rule.code} {rule.name}{advisory}", "",
             f"{titles['severity']}: {rule.severity.value}    "
             f"{titles['dimension']}: {rule.dimension or '-'}    weight: {rule.weight:g}", ""]
    for key in ("what", "why", "example", "use_instead"):
        if docs.get(key):
            lines += [f"## {titles[key]}", str(docs[key]).rstrip(), ""]
    if rule.source:
        lines += [f"## {titles['source']}", rule.source, ""]
    # Rule files may come from the repository: show their text, never its control codes.
    typer.echo(inert_lines("\n".join(lines).rstrip()))


@app.command()
def clean(
    config: Annotated[str | None, typer.Option(help="Configuration file.")] = None,
    cache_dir: Annotated[str | None, typer.Option(
        "--cache-dir", metavar="DIR", help="The cache to clean (default: "
        "$VPLINT_CACHE_DIR, else the user's cache directory).")] = None,
) -> None:
    """Remove the cached results of this project and of this directory (and an old
    in-repository .vplint_cache folder)."""
    from pathlib import Path

    from vplint.cache import cache_dir as where_of
    from vplint.cache import clean as remove
    from vplint.config import load_config

    roots = dict.fromkeys([Path(load_config(config).root).resolve(), Path.cwd().resolve()])
    for root in roots:
        removed = remove(root, cache_dir)
        for folder in removed:
            typer.echo(f"removed {visible(folder)}")
        if not removed:
            typer.echo(f"no cache at {visible(where_of(root, cache_dir))}")


@app.command("pitch")
def pitch_command(
    file: Annotated[str, typer.Argument(help="A proposition file (YAML, or Markdown with "
                                             "front matter).")],
    template: Annotated[str | None, typer.Option(
        "--template", "-t", help="moore, xyz, maxwell, elevator (default), tagline, or a "
        "custom template from templates_dirs.")] = None,
    all_templates: Annotated[bool, typer.Option("--all", help="Every template.")] = False,
    seconds: Annotated[int, typer.Option(
        help="Spoken budget in seconds: 30, 60 or 120 (taglines have their own limit).")] = 60,
    lang: Annotated[str | None, typer.Option(
        help="en or zh (default: the proposition's language).")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f",
                                               help="text or markdown.")] = "text",
    allow_gaps: Annotated[bool, typer.Option(
        "--allow-gaps", help="Draft with visible [TODO: field] where a field is missing.")
    ] = False,
    config: Annotated[str | None, typer.Option(help="Configuration file.")] = None,
) -> None:
    """Draft an elevator pitch, positioning statement or tagline from a proposition."""
    from vplint.pitch import run_pitch

    text, code = run_pitch(file, template=template, all_templates=all_templates,
                           seconds=seconds, lang=lang, output_format=output_format,
                           allow_gaps=allow_gaps, config_path=config)
    typer.echo(text, nl=False)
    raise typer.Exit(code)


@app.command("init")
def init_command(
    path: Annotated[str, typer.Argument(help="Where to write it.")] = "proposition.yaml",
    lang: Annotated[str, typer.Option(help="en or zh: the language of the comments.")] = "en",
    kind: Annotated[str, typer.Option(help="consumer or b2b.")] = "consumer",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter proposition that documents every field."""
    from vplint.initfile import write_starter

    typer.echo(write_starter(path, lang=lang, kind=kind, force=force))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the proposition format (for YAML language servers)."""
    import json

    from vplint.schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command()
def server() -> None:
    """Run the language server on stdin/stdout (for editors; see docs/editors.md)."""
    from vplint.server import serve

    serve()


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning domain errors into one line and exit code 2."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    args = [a for a in args if a != "--debug"]
    if "--changed" in args:
        from vplint.checkrun import optional_changed_value

        args = optional_changed_value(args)
    from vplint.startup import light_coercion

    light_coercion()  # keeps pydantic (0.1 s) out of start-up; see vplint/startup.py
    try:
        # Standalone mode: Typer/Click print usage errors themselves and exit 2.
        app(args=args, prog_name="vplint")
    except VplintError as exc:
        if debug:
            raise
        typer.echo(f"vplint: error: {visible(exc)}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:
        if debug:
            raise
        typer.echo(f"vplint: internal error: {type(exc).__name__}: {visible(exc)} "
                   "(run with --debug for the traceback)", err=True)
        sys.exit(EXIT_ERROR)
