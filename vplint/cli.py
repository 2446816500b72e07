"""The `vplint` command. Thin: parse options, call the API, pick a reporter, set the exit code.

Exit codes: 0 clean (no error-severity finding, every score >= fail-under), 1 findings
fail the gate, 2 usage/configuration error or internal failure.
"""

from __future__ import annotations

import os
import sys
from enum import Enum, StrEnum
from typing import Annotated

import typer

from vplint import __version__
from vplint.errors import UsageError, VplintError
from vplint.safe import inert_lines, visible

app = typer.Typer(
    name="vplint",
    add_completion=True,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_ERROR = 2
"""Usage, configuration and internal errors (checkrun decides 0 and 1)."""

FIRST_STEPS = """\
Usage: vplint COMMAND [OPTIONS] [ARGS]...

Start here:
  vplint init          write a commented starter proposition (proposition.yaml)
  vplint check [PATH]  lint and score propositions and copy (default: this folder)
  vplint explain CODE  what a rule means and how to fix it (a prefix lists rules)

All commands: vplint --help    A command's options: vplint check --help
"""


class OutputFormat(StrEnum):
    """Report formats of `vplint check` (see vplint.report.FORMATS)."""

    terminal = "terminal"
    full = "full"
    concise = "concise"
    markdown = "markdown"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    html = "html"


class ColorMode(StrEnum):
    """When to colour the terminal report."""

    auto = "auto"
    always = "always"
    never = "never"


class Language(StrEnum):
    """Languages of messages and documentation."""

    en = "en"
    zh = "zh"


class RulesFormat(StrEnum):
    """Formats of `vplint rules`."""

    table = "table"
    json = "json"


def _value(choice: Enum | None) -> str | None:
    return None if choice is None else str(choice.value)


def _lower(value: str | None) -> str | None:
    """A choice as the commands that validate it themselves expect it (case-insensitive)."""
    return None if value is None else value.lower()


def _codes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vplint {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:  # --debug is read by main() wherever it stands; declared here for --help.
    """Lint customer value propositions (English and Chinese).

    \b
    Start here:
      vplint init            write a commented starter proposition
      vplint check           lint and score the propositions and copy of this folder
      vplint explain TIM001  what a rule means and how to fix it
    """
    if ctx.invoked_subcommand is None:
        typer.echo(FIRST_STEPS, nl=False)


FILE, CODES, REF = "FILE", "CODES", "REF"


@app.command("init")
def init_command(
    path: Annotated[str, typer.Argument(metavar="FILE", hidden=True)] = "proposition.yaml",
    lang: Annotated[str, typer.Option(
        metavar="en|zh", help="The language of the comments.")] = "en",
    kind: Annotated[str, typer.Option(metavar="consumer|b2b")] = "consumer",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter proposition that documents every field.

    FILE is where to write it (default: proposition.yaml).

    \b
    Examples:
      vplint init                        # proposition.yaml, consumer, English
      vplint init propositions/erp.yaml --kind b2b --lang zh
      vplint init && vplint check proposition.yaml
    """
    from vplint.initfile import write_starter

    typer.echo(write_starter(path, lang=str(_lower(lang)), kind=str(_lower(kind)),
                             force=force))


@app.command(no_args_is_help=False)
def check(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", hidden=True, show_default=False)] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--output-format", "--format", "-f", case_sensitive=False, metavar="FORMAT",
        help="terminal (scores and findings), full (also each finding's source line), "
        "concise (one line per finding), or for CI and files: markdown, json, sarif, "
        "github, gitlab, junit, html.")
    ] = OutputFormat.terminal,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar=FILE, help="Write the report to a file.")] = None,
    select: Annotated[str | None, typer.Option(
        metavar=CODES,
        help="Comma-separated codes or prefixes to run (replaces the configured list).")
    ] = None,
    extend_select: Annotated[str | None, typer.Option(
        metavar=CODES, help="Codes or prefixes to run in addition.")] = None,
    ignore: Annotated[str | None, typer.Option(
        metavar=CODES, help="Comma-separated codes or prefixes to skip.")] = None,
    fail_under: Annotated[float | None, typer.Option(
        metavar="SCORE", help="Fail when any proposition scores below this (0-100).")
    ] = None,
    exit_zero: Annotated[bool, typer.Option(
        "--exit-zero", help="Exit 0 even when the gate fails (errors are still exit 2).")
    ] = False,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help="Print how often each rule fired instead of the findings.")
    ] = False,
    lang: Annotated[Language | None, typer.Option(
        case_sensitive=False, help="Language of messages and labels (default: each "
        "proposition's own).")] = None,
    config: Annotated[str | None, typer.Option(
        metavar=FILE, help="Use this configuration for every file; the repository's own "
        "are not read (default: each file's nearest .vplint.yaml or pyproject.toml).")
    ] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Show only propositions with findings, without score bars "
        "or suggestions (the summary line stays).")] = False,
    color: Annotated[ColorMode, typer.Option(
        case_sensitive=False, help="Colour the terminal report (auto: on a terminal, "
        "unless NO_COLOR is set).")] = ColorMode.auto,
    no_color: Annotated[bool, typer.Option("--no-color", hidden=True,
                                           help="Same as --color never.")] = False,
    stdin_filename: Annotated[str | None, typer.Option(
        metavar=FILE, help="With the path '-': the name of the text on standard input "
        "(its kind and configuration follow it).")] = None,
    respect_gitignore: Annotated[bool | None, typer.Option(
        "--respect-gitignore/--no-respect-gitignore", show_default=False,
        help="Skip files .gitignore ignores when walking folders (default: yes).")] = None,
    baseline: Annotated[str | None, typer.Option(
        metavar=FILE, help="Fail only on findings not recorded in this baseline.")] = None,
    write_baseline: Annotated[str | None, typer.Option(
        metavar=FILE, help="Record today's findings in a baseline file.")] = None,
    changed: Annotated[str | None, typer.Option(
        metavar="[REF]", help="Only files changed since REF (default: the merge base with "
        "the default branch); write --changed=REF when a path follows.")] = None,
    compare: Annotated[str | None, typer.Option(
        metavar=REF, help="Show each score before (at Git REF) and after.")] = None,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", show_default=False,
        help="Progress bar (default: on a terminal, outside CI, for many files).")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", metavar="N", help="Processes to lint with; 0 = every core "
        "(default: every core for more than 300 files, else 1). The output is the same "
        "either way.")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Neither read nor write the results cache.")] = False,
    allow_python_rules: Annotated[bool, typer.Option(
        "--allow-python-rules", help="Let rules_dirs rules run the Python module beside "
        "them (off by default: it is code from the repository; docs/security.md).")] = False,
    cache_dir: Annotated[str | None, typer.Option(
        "--cache-dir", metavar="DIR", help="Where the results cache lives (default: "
        "$VPLINT_CACHE_DIR, else the user's cache directory).")] = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply the safe fixes to the files, then report what remains.")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Print the safe fixes as a unified diff; change no file.")] = False,
    extra_report: Annotated[list[str] | None, typer.Option(
        metavar="FORMAT=FILE", help="Also write a report in another format from the same "
        "run, e.g. sarif=vplint.sarif (repeatable).")] = None,
) -> None:
    """Lint proposition (YAML) and copy (Markdown, text) files and score them.

    PATH is a file or folder (default: the current folder), or '-' for standard input.
    Folders are walked for Markdown and text copy and for YAML files that look like
    propositions, skipping what .gitignore and the configuration's exclude name.

    Exit status: 0 the gate passes, 1 it fails (an error finding, or a score below
    fail-under), 2 usage or configuration error, missing path, or a crashed rule.

    \b
    Examples:
      vplint check                                  # this folder
      vplint check site/copy -f concise --fail-under 80
      cat p.yaml | vplint check - --stdin-filename propositions/p.yaml
    """
    from vplint.checkrun import CheckOptions, run_check

    if allow_python_rules:
        from vplint.rules import ALLOW_PYTHON_RULES

        os.environ[ALLOW_PYTHON_RULES] = "1"  # inherited by --jobs workers
    raise typer.Exit(run_check(CheckOptions(
        paths=paths or [], output_format=str(output_format.value), output=output,
        select=_codes(select), extend_select=_codes(extend_select), ignore=_codes(ignore),
        fail_under=fail_under, lang=_value(lang), config=config, quiet=quiet,
        no_color=no_color, color=str(color.value), baseline=baseline,
        write_baseline=write_baseline, changed=changed, compare=compare, progress=progress,
        jobs=jobs, no_cache=no_cache, stdin_filename=stdin_filename, exit_zero=exit_zero,
        statistics=statistics, respect_gitignore=respect_gitignore,
        extra_reports=extra_report or [], fix=fix, diff=diff, cache_dir=cache_dir)))


@app.command()
def explain(
    code: Annotated[str | None, typer.Argument(metavar="CODE", hidden=True)] = None,
    lang: Annotated[Language, typer.Option(case_sensitive=False)] = Language.en,
    config: Annotated[str | None, typer.Option(metavar=FILE, help="Configuration file.")
                      ] = None,
    scoring: Annotated[bool, typer.Option(
        "--scoring", help="Explain what the score and the grades mean.")] = False,
) -> None:
    """Show a rule's documentation, list the rules a prefix selects, or say what the score
    means (--scoring).

    CODE is a rule code (TIM001) or a prefix (TIM); `vplint rules` lists every rule.

    \b
    Examples:
      vplint explain TIM001
      vplint explain TIM            # every TIM rule, one line each
      vplint explain OUT001 --lang zh
      vplint explain --scoring
    """
    from vplint import api
    from vplint.explain import explain_text

    if scoring:
        from vplint.scoring import meaning

        typer.echo(meaning(str(lang.value)))
        return
    if code is None:
        raise UsageError("give a rule code or prefix (e.g. vplint explain TIM001, "
                         "vplint explain TIM) or --scoring")

    # Rule files may come from the repository: show their text, never its control codes.
    typer.echo(inert_lines(explain_text(api.prepare(config).registry, code,
                                        str(lang.value))))


@app.command("rules")
def list_rules(
    output_format: Annotated[RulesFormat, typer.Option(
        "--output-format", "--format", "-f", case_sensitive=False)] = RulesFormat.table,
    config: Annotated[str | None, typer.Option(metavar=FILE, help="Configuration file.")
                      ] = None,
) -> None:
    """List every rule: code, name, severity, dimension and weight.

    \b
    Examples:
      vplint rules
      vplint rules -f json > rules.json
    """
    from vplint import api

    run = api.prepare(config)
    rules = run.registry.sorted()
    if output_format is RulesFormat.json:
        import json

        typer.echo(json.dumps([{
            "code": r.code, "name": r.name, "family": r.family, "severity": r.severity.value,
            "dimension": r.dimension, "weight": r.weight, "advisory": r.advisory,
        } for r in rules], ensure_ascii=False, indent=2))
        return
    for r in rules:
        dim = r.dimension or "-"
        mark = "  advisory" if r.advisory else ""
        typer.echo(f"{r.code:<7} {visible(r.name):<32} {r.severity.value:<8} {dim:<16} "
                   f"{r.weight:g}{mark}")


@app.command("pitch")
def pitch_command(
    file: Annotated[str | None, typer.Argument(metavar="FILE", hidden=True)] = None,
    template: Annotated[str | None, typer.Option(
        "--template", "-t", metavar="NAME", help="moore, xyz, maxwell, elevator (default), "
        "tagline, or a custom template from templates_dirs.")] = None,
    all_templates: Annotated[bool, typer.Option("--all", help="Every template.")] = False,
    seconds: Annotated[int, typer.Option(
        metavar="SECONDS",
        help="Spoken budget in seconds: 30, 60 or 120 (taglines have their own limit).")
    ] = 60,
    lang: Annotated[str | None, typer.Option(
        metavar="en|zh", help="Default: the proposition's language.")] = None,
    output_format: Annotated[str, typer.Option(
        "--output-format", "--format", "-f", metavar="text|markdown")] = "text",
    allow_gaps: Annotated[bool, typer.Option(
        "--allow-gaps", help="Draft with visible [TODO: field] where a field is missing.")
    ] = False,
    config: Annotated[str | None, typer.Option(metavar=FILE, help="Configuration file.")
                      ] = None,
) -> None:
    """Draft an elevator pitch, positioning statement or tagline from a proposition.

    FILE is a proposition: YAML, or Markdown with front matter.

    \b
    Examples:
      vplint pitch proposition.yaml
      vplint pitch proposition.yaml -t moore --seconds 30
      vplint pitch proposition.yaml --all -f markdown > pitches.md
    """
    from vplint.pitch import run_pitch

    if file is None:
        raise UsageError("pitch needs a proposition file, e.g. vplint pitch proposition.yaml")
    text, code = run_pitch(file, template=template, all_templates=all_templates,
                           seconds=seconds, lang=_lower(lang),
                           output_format=str(_lower(output_format)), allow_gaps=allow_gaps,
                           config_path=config)
    typer.echo(text, nl=False)
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the proposition format (for YAML language servers).

    \b
    Examples:
      vplint schema > vplint.schema.json
      # then in a proposition: # yaml-language-server: $schema=vplint.schema.json
    """
    import json

    from vplint.schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command()
def clean(
    config: Annotated[str | None, typer.Option(metavar=FILE, help="Configuration file.")
                      ] = None,
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
