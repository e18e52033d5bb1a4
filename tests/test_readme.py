"""The README cannot drift from the code: its Python blocks run, its `classify` JSON example is
what the shipped model prints, and its command lines name real commands and options.

A block that needs something the test cannot provide (a running server, big data) is marked
with an HTML comment on the line before it: ``<!-- readme-test: skip (reason) -->``.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SKIP = re.compile(r"<!--\s*readme-test:\s*skip\b")


def blocks(language: str) -> list[tuple[int, str, bool]]:
    """``(line, code, skipped)`` for every fenced block of ``language``."""
    lines = README.read_text("utf-8").splitlines()
    found, i = [], 0
    while i < len(lines):
        if lines[i].strip() == f"```{language}":
            start, body = i + 1, []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            before = next((lines[j] for j in range(start - 2, -1, -1) if lines[j].strip()), "")
            found.append((start + 1, "\n".join(body), bool(SKIP.search(before))))
        i += 1
    return found


def test_readme_python_blocks_run(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.chdir(ROOT)
    namespace: dict = {"__name__": "readme"}
    ran = 0
    for line, code, skipped in blocks("python"):
        if skipped:
            continue
        try:
            exec(compile(code, f"README.md:{line}", "exec"), namespace)
        except Exception as exc:  # name the block that drifted
            pytest.fail(f"README.md:{line}: {type(exc).__name__}: {exc}")
        ran += 1
    assert ran >= 3


def test_readme_classify_example_is_what_the_shipped_model_prints(tmp_path):
    import contextlib
    import io

    from framing.cli import main

    example = next(json.loads(code) for _, code, _ in blocks("json") if '"scores"' in code and '"tone_scores"' in code)
    lines = tmp_path / "lines.txt"
    lines.write_text(example["text"] + "\n", "utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["classify", str(lines), "-q"]) == 0
    actual = json.loads(out.getvalue())
    assert list(actual) == list(example), "README classify example: keys differ from the output"
    for key, value in example.items():
        if isinstance(value, dict) and all(isinstance(v, float) for v in value.values()):
            assert value == pytest.approx(actual[key], abs=1e-4), key
        else:
            assert actual[key] == value, key


def _commands() -> list[tuple[int, list[str]]]:
    """Every `framing ...` command line in bash blocks and in the command table."""
    found = []
    for line, code, skipped in blocks("bash"):
        if skipped:
            continue
        for text in code.replace("\\\n", " ").splitlines():
            for part in re.split(r"&&|\|", text.split("#")[0]):
                part = part.strip()
                if part.startswith("framing "):
                    found.append((line, shlex.split(part)[1:]))
    for number, text in enumerate(README.read_text("utf-8").splitlines(), 1):
        match = re.match(r"\| `(framing [^`]+)`", text)
        if match:
            found.append((number, match.group(1).replace("\\|", "|").split()[1:]))
    return found


def test_readme_command_lines_use_real_commands_and_options():
    from framing.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command").choices
    commands = _commands()
    assert len(commands) >= 10
    for line, argv in commands:
        assert argv and argv[0] in subparsers, f"README.md:{line}: unknown command {argv[:1]}"
        options = {s for action in subparsers[argv[0]]._actions for s in action.option_strings}
        for token in argv[1:]:
            token = token.strip("[]").split("=")[0]
            if token.startswith("-") and token not in ("-", "--"):
                assert token in options, f"README.md:{line}: framing {argv[0]} has no option {token}"


def test_skip_marker_is_honoured(monkeypatch, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("<!-- readme-test: skip (server) -->\n```python\nraise SystemExit\n```\n\n```python\nx = 1\n```\n", "utf-8")
    monkeypatch.setattr(sys_modules_self(), "README", readme)
    assert [skipped for _, _, skipped in blocks("python")] == [True, False]


def sys_modules_self():
    import sys

    return sys.modules[__name__]

