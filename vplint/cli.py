"""The `vplint` command. Thin: parse options, call the API, pick a reporter, set the exit code.

Exit codes: 0 clean (no error-severity finding, every score >= fail-under), 1 findings
fail the gate, 2 usage/configuration error or internal failure.

Built on Click's public API. Typer (0.29) builds a pydantic TypeAdapter for every option
of the command that runs, which cost a one-file `vplint check` more time than the whole
rest of its command line; Click parses the same options with its own plain types.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from vplint import __version__
from vplint.errors import UsageError, VplintError
from vplint.safe import inert_lines, visible

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

OUTPUT_FORMATS = ("terminal", "full", "concise", "markdown", "json", "sarif", "github",
                  "gitlab", "junit", "html")
"""Report formats of `vplint check` (see vplint.report.FORMATS)."""
COLOR_MODES = ("auto", "always", "never")
LANGUAGES = ("en", "zh")
RULES_FORMATS = ("table", "json")
FILE, CODES, REF = "FILE", "CODES", "REF"
CONTEXT = {"help_option_names": ["--help"], "show_default": True, "max_content_width": 80}


def _choice(values: tuple[str, ...]) -> click.Choice:
    """A case-insensitive choice, given back in the spelling listed."""
    return click.Choice(values, case_sensitive=False)


def _lower(value: str | None) -> str | None:
    """A choice as the commands that validate it themselves expect it (case-insensitive)."""
    return None if value is None else value.lower()


def _codes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"vplint {__version__}")
        ctx.exit()


def _completion(install: bool):  # type: ignore[no-untyped-def]
    """The callback of --show-completion / --install-completion [SHELL]."""

    def callback(ctx: click.Context, _param: click.Parameter, shell: str | None) -> None:
        if shell is None or ctx.resilient_parsing:
            return
        from vplint.completion import completion_script, install_completion, shell_named

        name = shell_named(shell)
        if install:
            click.echo(install_completion(ctx.find_root().command, name))
        else:
            click.echo(completion_script(ctx.find_root().command, name), nl=False)
        ctx.exit()

    return callback


def _shell_option(name: str, install: bool, help_text: str):  # type: ignore[no-untyped-def]
    # SHELL may be left out (flag_value): then the login shell ($SHELL) is meant.
    return click.option(name, is_flag=False, flag_value="", metavar="[SHELL]",
                        expose_value=False, is_eager=True, callback=_completion(install),
                        show_default=False, help=help_text)


class _Commands(click.Group):
    """A group that lists its commands in the order they are declared (init, check,
    explain first), not alphabetically."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(name="vplint", cls=_Commands, invoke_without_command=True,
             context_settings=CONTEXT)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_version, help="Show the version and exit.")
@click.option("--debug", is_flag=True, show_default=False, help="Show tracebacks of errors.")
@_shell_option("--install-completion", True,
               "Install completion for the current shell (or SHELL: bash, zsh, fish).")
@_shell_option("--show-completion", False,
               "Show completion for the current shell (or SHELL), to copy it or customize "
               "the installation.")
@click.pass_context
def app(ctx: click.Context, debug: bool) -> None:  # --debug is read by main()
    """Lint customer value propositions (English and Chinese).

    \b
    Start here:
      vplint init            write a commented starter proposition
      vplint check           lint and score the propositions and copy of this folder
      vplint explain TIM001  what a rule means and how to fix it
    """
    if ctx.invoked_subcommand is None:
        click.echo(FIRST_STEPS, nl=False)


@app.command("init", context_settings=CONTEXT)
@click.argument("path", metavar="[FILE]", default="proposition.yaml", required=False)
@click.option("--lang", default="en", metavar="en|zh", help="The language of the comments.")
@click.option("--kind", default="consumer", metavar="consumer|b2b")
@click.option("--force", is_flag=True, show_default=False, help="Overwrite an existing file.")
def init_command(path: str, lang: str, kind: str, force: bool) -> None:
    """Write a commented starter proposition that documents every field.

    FILE is where to write it (default: proposition.yaml).

    \b
    Examples:
      vplint init                        # proposition.yaml, consumer, English
      vplint init propositions/erp.yaml --kind b2b --lang zh
      vplint init && vplint check proposition.yaml
    """
    from vplint.initfile import write_starter

    click.echo(write_starter(path, lang=str(_lower(lang)), kind=str(_lower(kind)),
                             force=force))


def _flag(*names: str, help_text: str):  # type: ignore[no-untyped-def]
    return click.option(*names, is_flag=True, show_default=False, help=help_text)


@app.command(context_settings=CONTEXT)
@click.argument("paths", metavar="[PATH]...", nargs=-1)
@click.option("--output-format", "--format", "-f", "output_format", type=_choice(OUTPUT_FORMATS),
              default="terminal", metavar="FORMAT",
              help="terminal (scores and findings), full (also each finding's source line), "
              "concise (one line per finding), or for CI and files: markdown, json, sarif, "
              "github, gitlab, junit, html.")
@click.option("--output", "-o", metavar=FILE, help="Write the report to a file.")
@click.option("--select", metavar=CODES,
              help="Comma-separated codes or prefixes to run (replaces the configured list).")
@click.option("--extend-select", metavar=CODES, help="Codes or prefixes to run in addition.")
@click.option("--ignore", metavar=CODES, help="Comma-separated codes or prefixes to skip.")
@click.option("--fail-under", type=float, metavar="SCORE",
              help="Fail when any proposition scores below this (0-100).")
@_flag("--exit-zero", help_text="Exit 0 even when the gate fails (errors are still exit 2).")
@_flag("--statistics",
       help_text="Print how often each rule fired instead of the findings.")
@click.option("--lang", type=_choice(LANGUAGES), help="Language of messages and labels "
              "(default: each proposition's own).")
@click.option("--config", metavar=FILE, help="Use this configuration for every file; the "
              "repository's own are not read (default: each file's nearest .vplint.yaml or "
              "pyproject.toml).")
@_flag("--quiet", "-q", help_text="Show only propositions with findings, without score bars "
       "or suggestions (the summary line stays).")
@click.option("--color", type=_choice(COLOR_MODES), default="auto",
              help="Colour the terminal report (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--no-color", is_flag=True, hidden=True, help="Same as --color never.")
@click.option("--stdin-filename", metavar=FILE, help="With the path '-': the name of the text "
              "on standard input (its kind and configuration follow it).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None, show_default=False,
              help="Skip files .gitignore ignores when walking folders (default: yes).")
@click.option("--baseline", metavar=FILE,
              help="Fail only on findings not recorded in this baseline.")
@click.option("--write-baseline", metavar=FILE, help="Record today's findings in a baseline "
              "file.")
@click.option("--changed", metavar="[REF]", help="Only files changed since REF (default: the "
              "merge base with the default branch); write --changed=REF when a path follows.")
@click.option("--compare", metavar=REF, help="Show each score before (at Git REF) and after.")
@click.option("--progress/--no-progress", default=None, show_default=False,
              help="Progress bar (default: on a terminal, outside CI, for many files).")
@click.option("--jobs", "-j", type=int, metavar="N", help="Processes to lint with; 0 = every "
              "core (default: every core for more than 300 files, else 1). The output is the "
              "same either way.")
@_flag("--no-cache", help_text="Neither read nor write the results cache.")
@_flag("--allow-python-rules", help_text="Let rules_dirs rules run the Python module beside "
       "them (off by default: it is code from the repository; docs/security.md).")
@click.option("--cache-dir", metavar="DIR", help="Where the results cache lives (default: "
              "$VPLINT_CACHE_DIR, else the user's cache directory).")
@_flag("--fix", help_text="Apply the safe fixes to the files, then report what remains.")
@_flag("--diff", help_text="Print the safe fixes as a unified diff; change no file.")
@click.option("--extra-report", metavar="FORMAT=FILE", multiple=True, help="Also write a "
              "report in another format from the same run, e.g. sarif=vplint.sarif "
              "(repeatable).")
def check(paths: tuple[str, ...], output_format: str, color: str, lang: str | None,
          select: str | None, extend_select: str | None, ignore: str | None,
          allow_python_rules: bool, extra_report: tuple[str, ...], **options: Any) -> None:
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
    sys.exit(run_check(CheckOptions(
        paths=list(paths), output_format=output_format.lower(), color=color.lower(),
        lang=_lower(lang), select=_codes(select), extend_select=_codes(extend_select),
        ignore=_codes(ignore), extra_reports=list(extra_report), **options)))


@app.command(context_settings=CONTEXT)
@click.argument("code", metavar="[CODE]", required=False)
@click.option("--lang", type=_choice(LANGUAGES), default="en")
@click.option("--config", metavar=FILE, help="Configuration file.")
@_flag("--scoring", help_text="Explain what the score and the grades mean.")
def explain(code: str | None, lang: str, config: str | None, scoring: bool) -> None:
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

    lang = lang.lower()
    if scoring:
        from vplint.scoring import meaning

        click.echo(meaning(lang))
        return
    if code is None:
        raise UsageError("give a rule code or prefix (e.g. vplint explain TIM001, "
                         "vplint explain TIM) or --scoring")

    # Rule files may come from the repository: show their text, never its control codes.
    click.echo(inert_lines(explain_text(api.prepare(config).registry, code, lang)))


@app.command("rules", context_settings=CONTEXT)
@click.option("--output-format", "--format", "-f", "output_format", type=_choice(RULES_FORMATS),
              default="table")
@click.option("--config", metavar=FILE, help="Configuration file.")
def list_rules(output_format: str, config: str | None) -> None:
    """List every rule: code, name, severity, dimension and weight.

    \b
    Examples:
      vplint rules
      vplint rules -f json > rules.json
    """
    from vplint import api

    run = api.prepare(config)
    rules = run.registry.sorted()
    if output_format.lower() == "json":
        import json

        click.echo(json.dumps([{
            "code": r.code, "name": r.name, "family": r.family, "severity": r.severity.value,
            "dimension": r.dimension, "weight": r.weight, "advisory": r.advisory,
        } for r in rules], ensure_ascii=False, indent=2))
        return
    for r in rules:
        dim = r.dimension or "-"
        mark = "  advisory" if r.advisory else ""
        click.echo(f"{r.code:<7} {visible(r.name):<32} {r.severity.value:<8} {dim:<16} "
                   f"{r.weight:g}{mark}")


@app.command("pitch", context_settings=CONTEXT)
@click.argument("file", metavar="FILE", required=False)
@click.option("--template", "-t", metavar="NAME", help="moore, xyz, maxwell, elevator "
              "(default), tagline, or a custom template from templates_dirs.")
@_flag("--all", "all_templates", help_text="Every template.")
@click.option("--seconds", type=int, default=60, metavar="SECONDS", help="Spoken budget in "
              "seconds: 30, 60 or 120 (taglines have their own limit).")
@click.option("--lang", metavar="en|zh", help="Default: the proposition's language.")
@click.option("--output-format", "--format", "-f", "output_format", default="text",
              metavar="text|markdown")
@_flag("--allow-gaps", help_text="Draft with visible [TODO: field] where a field is missing.")
@click.option("--config", metavar=FILE, help="Configuration file.")
def pitch_command(file: str | None, template: str | None, all_templates: bool, seconds: int,
                  lang: str | None, output_format: str, allow_gaps: bool,
                  config: str | None) -> None:
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
    click.echo(text, nl=False)
    sys.exit(code)


@app.command(context_settings=CONTEXT)
def schema() -> None:
    """Print the JSON Schema of the proposition format (for YAML language servers).

    \b
    Examples:
      vplint schema > vplint.schema.json
      # then in a proposition: # yaml-language-server: $schema=vplint.schema.json
    """
    import json

    from vplint.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command(context_settings=CONTEXT)
@click.option("--config", metavar=FILE, help="Configuration file.")
@click.option("--cache-dir", metavar="DIR", help="The cache to clean (default: "
              "$VPLINT_CACHE_DIR, else the user's cache directory).")
def clean(config: str | None, cache_dir: str | None) -> None:
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
            click.echo(f"removed {visible(folder)}")
        if not removed:
            click.echo(f"no cache at {visible(where_of(root, cache_dir))}")


@app.command(context_settings=CONTEXT)
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
        # Standalone mode: Click prints usage errors itself and exits 2.
        app.main(args=args, prog_name="vplint")
    except VplintError as exc:
        if debug:
            raise
        click.echo(f"vplint: error: {visible(exc)}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:
        if debug:
            raise
        click.echo(f"vplint: internal error: {type(exc).__name__}: {visible(exc)} "
                   "(run with --debug for the traceback)", err=True)
        sys.exit(EXIT_ERROR)
