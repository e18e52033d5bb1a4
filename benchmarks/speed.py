"""Speed of `framing classify` on real news lines, against a bare scikit-learn pipeline.

Run:  .venv/bin/python benchmarks/speed.py   (or `make bench`; `--startup` for the start-up figures only)
      .venv/bin/python benchmarks/speed.py --against DIR   (CLI marginal throughput of this tree and of
      another checkout DIR, e.g. `git worktree add DIR COMMIT`, three rounds alternating)

Figures printed:
- start-up, side by side: `framing classify` on one English line against a bare
  `python -c 'import sklearn.linear_model, pandas'`, interleaved runs, median of 5 each, and the
  ratio (target: at most 1.3x);
- CLI start-up: wall time of `framing classify` on two lines, one per language (median of 3);
- CLI marginal throughput: (N - 2) / (time for N lines - start-up);
- in-process per-line cost of FrameModel.classify vs a bare TfidfVectorizer + LogisticRegression
  pipeline (fitted on our training split), on the same lines; the ratio is the overhead;
- peak resident memory of the CLI run.
Real lines come from the public datasets in ../shared/datasets (skipped when absent).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import ROOT, real_news_lines  # noqa: E402


def cli_time(path: Path, tree: Path | None = None) -> tuple[float, int]:
    """Wall time of one CLI run (of the code in ``tree``, default this checkout), and the peak RSS
    (kB) of any child so far."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "framing.cli", "classify", str(path)], cwd=tree or ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - start
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def wall(command: list[str]) -> float:
    """Wall time of one run of ``command``."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def startup_side_by_side(runs: int = 5) -> tuple[float, float]:
    """Median wall time of `framing classify` on one line and of a bare sklearn + pandas import,
    interleaved so both see the same machine state."""
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("The Kremlin said preparations for an official visit are under way.\n", "utf-8")
        ours = [sys.executable, "-m", "framing.cli", "classify", str(one)]
        bare = [sys.executable, "-c", "import sklearn.linear_model, pandas"]
        wall(ours), wall(bare)  # warm the file cache
        t_ours, t_bare = [], []
        for _ in range(runs):
            t_ours.append(wall(ours))
            t_bare.append(wall(bare))
    return statistics.median(t_ours), statistics.median(t_bare)


def against(other: Path, one: Path, many: Path, n: int, rounds: int = 3) -> None:
    """CLI marginal throughput of this checkout and of ``other``, rounds alternating so both see
    the same machine state."""
    found: dict[str, list[float]] = {"this tree": [], str(other): []}
    for _ in range(rounds):
        for name, tree in (("this tree", ROOT), (str(other), other)):
            startup = statistics.median(cli_time(one, tree)[0] for _ in range(2))
            found[name].append((n - 2) / (cli_time(many, tree)[0] - startup))
    for name, values in found.items():
        print(f"CLI marginal throughput, {name}: {', '.join(f'{v:,.0f}' for v in values)} lines/s "
              f"(median {statistics.median(values):,.0f})")


def main() -> None:
    if "--against" in sys.argv:
        print(f"command: .venv/bin/python benchmarks/speed.py --against {sys.argv[sys.argv.index('--against') + 1]}")
    else:
        print("command: .venv/bin/python benchmarks/speed.py")
    ours, bare = startup_side_by_side()
    print(f"start-up: framing classify (1 line) {ours:.2f} s; python -c 'import sklearn.linear_model, pandas' "
          f"{bare:.2f} s; ratio {ours / bare:.2f}x (median of 5 interleaved runs)")
    if "--startup" in sys.argv:
        return
    lines = real_news_lines(10_000)
    if not lines:
        print("skipped: public datasets not found (set FRAMING_DATASETS)")
        return
    lines = [" ".join(l.split()) for l in lines]
    n = len(lines)
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp) / "one.txt", Path(tmp) / "many.txt"
        # one English and one Arabic line: lazy imports (camel-tools for Arabic) count as start-up
        first_ar = next(line for line in lines if any("\u0600" <= c <= "\u06ff" for c in line))
        one.write_text(lines[0] + "\n" + first_ar + "\n", "utf-8")
        many.write_text("\n".join(lines) + "\n", "utf-8")
        if "--against" in sys.argv:
            against(Path(sys.argv[sys.argv.index("--against") + 1]).resolve(), one, many, len(lines))
            return
        startup = statistics.median(cli_time(one)[0] for _ in range(3))
        full, rss = cli_time(many)
    arabic = sum(1 for line in lines if any("\u0600" <= c <= "\u06ff" for c in line))
    print(f"lines: {n} real news lines ({arabic} Arabic)")
    print(f"CLI start-up (2 lines, one per language, median of 3): {startup:.2f} s")
    print(f"CLI on {n} lines: {full:.2f} s; marginal throughput {(n - 2) / (full - startup):,.0f} lines/s; "
          f"peak RSS {rss / 1024:.0f} MB")

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline

    from framing.io.corpora import read_corpus
    from framing.models.train import label_matrix
    from framing.scoring import Scorer

    model = Scorer.load()
    corpus = read_corpus([ROOT / "corpora/frames/en.train.jsonl", ROOT / "corpora/frames/ar.train.jsonl"])
    bare = make_pipeline(TfidfVectorizer(), OneVsRestClassifier(LogisticRegression(max_iter=1000)))
    bare.fit(list(corpus["text"]), label_matrix(corpus, model.frames))
    def best_of(fn, repeat: int = 3) -> float:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    model.classify(lines)  # warm caches (stems, lazy imports) once, as a long-running process would
    t_bare = best_of(lambda: bare.predict_proba(lines))
    t_ours = best_of(lambda: model.classify(lines))
    t_ours_nocues = best_of(lambda: model.classify(lines, cues=0))
    print(f"in-process per line: bare TF-IDF+LR {t_bare / n * 1e6:.0f} us; framing classify {t_ours / n * 1e6:.0f} us "
          f"(ratio {t_ours / t_bare:.2f}x); without cue explanations {t_ours_nocues / n * 1e6:.0f} us "
          f"(ratio {t_ours_nocues / t_bare:.2f}x)")
    print(f"in-process throughput: {n / t_ours:,.0f} lines/s with explanations, {n / t_ours_nocues:,.0f} without")


if __name__ == "__main__":
    main()
