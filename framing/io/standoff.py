"""Stand-off annotations on public news datasets (design §4).

Most public news datasets may not be redistributed, so ``corpora/real/`` stores only our labels
and where they point: ``dataset``, ``doc_id``, character offsets ``start``/``end`` into that
document's text, and the SHA-1 of the sentence text. :func:`join` reads the text back from the
datasets folder (``../shared/datasets`` by default) and fails loudly, naming file and line, when a
document is missing or a hash does not match.

A *document* is the unit a dataset stores (an ArMPro paragraph, a SemEval line, a NewsMTSC
sentence); its ``article_id`` groups documents of one article, for cross-validation by article.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from framing.errors import CorpusError, InputError

DATASETS_ENV = "FRAMING_DATASETS"
DEFAULT_DATASETS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"


class Source(NamedTuple):
    """A dataset we annotate: its file under the datasets folder, language and licence."""

    path: str
    lang: str
    licence: str


SOURCES: dict[str, Source] = {
    "armpro": Source("ArMPro/ArMPro_coarse_dev_V2.jsonl", "ar", "CC BY-NC-SA 4.0"),
    "araieval1b": Source("ArAIEval23_task1/task1B_train.jsonl", "ar", "research use"),
    "araieval1b-dev": Source("ArAIEval23_task1/task1B_dev.jsonl", "ar", "research use"),
    "araieval1b-tweets": Source("ArAIEval23_task1/task1B_train.jsonl", "ar", "research use"),
    "semeval3": Source("SemEval2023_Task3_EN/subtask3/train-labels-subtask-3.template", "en", "research use"),
    "newsmtsc": Source("NewsMTSC/train.jsonl", "en", "MIT"),
}


class Document(NamedTuple):
    """One stored unit of a dataset, with the article it belongs to."""

    dataset: str
    doc_id: str
    article_id: str
    lang: str
    text: str
    title: str = ""
    outlet: str = ""


def datasets_dir(path: str | os.PathLike | None = None) -> Path:
    """The datasets folder: ``path``, else ``$FRAMING_DATASETS``, else ``../shared/datasets``."""
    return Path(path or os.environ.get(DATASETS_ENV) or DEFAULT_DATASETS)


def sha1(text: str) -> str:
    """Hex SHA-1 of ``text`` encoded as UTF-8."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for number, line in enumerate(fh, 1):  # splits on "\n" only
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CorpusError([f"{path}:{number}: invalid JSON ({exc.msg})"]) from None


def _armpro(path: Path) -> Iterator[Document]:
    for _, row in _jsonl(path):
        yield Document("armpro", row["paragraph_id"], row["page_id"], "ar", row["paragraph"],
                       row.get("page_title") or "", row.get("page_domain") or "")


def _araieval(dataset: str, kind: str):
    def read(path: Path) -> Iterator[Document]:
        for _, row in _jsonl(path):
            if row.get("type") == kind:
                # Paragraph ids end in the paragraph number; a tweet is its own article.
                article = row["id"].rsplit("_", 1)[0] if kind == "paragraph" else f"tweet-{row['id']}"
                yield Document(dataset, row["id"], article, "ar", row["text"])
    return read


def _semeval3(path: Path) -> Iterator[Document]:
    lines: list[tuple[str, str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for raw in fh:
            parts = raw.rstrip("\r\n").split("\t", 2)
            if len(parts) == 3 and parts[2].strip():
                lines.append((parts[0], parts[1], parts[2]))
    titles: dict[str, str] = {}
    for article, _, text in lines:
        titles.setdefault(article, text)
    for article, number, text in lines:
        yield Document("semeval3", f"{article}:{number}", article, "en", text, titles[article])


def _newsmtsc(path: Path) -> Iterator[Document]:
    seen: set[str] = set()
    for _, row in _jsonl(path):
        gid = row["primary_gid"]
        if gid not in seen:
            seen.add(gid)
            yield Document("newsmtsc", gid, "_".join(gid.split("_")[:3]), "en", row["sentence_normalized"])


_READERS = {"armpro": _armpro, "araieval1b": _araieval("araieval1b", "paragraph"),
            "araieval1b-dev": _araieval("araieval1b-dev", "paragraph"),
            "araieval1b-tweets": _araieval("araieval1b-tweets", "tweet"), "semeval3": _semeval3, "newsmtsc": _newsmtsc}


def documents(dataset: str, root: str | os.PathLike | None = None) -> Iterator[Document]:
    """Every document of ``dataset`` (one of :data:`SOURCES`) under the datasets folder."""
    if dataset not in SOURCES:
        raise InputError(f"unknown dataset {dataset!r}; supported: {', '.join(SOURCES)}")
    path = datasets_dir(root) / SOURCES[dataset].path
    if not path.is_file():
        raise InputError(f"{path}: no such file (set {DATASETS_ENV} or pass the datasets folder)")
    return _READERS[dataset](path)


def join(records_path: str | os.PathLike, root: str | os.PathLike | None = None) -> list[dict]:
    """Stand-off records from ``records_path`` with their ``text`` filled in from the datasets.

    Raises :class:`CorpusError` naming ``file:line`` for a malformed record, an unknown
    document, offsets outside the document, or a text whose SHA-1 differs from the record's.
    """
    records_path = Path(records_path)
    records = list(_jsonl(records_path))
    wanted = {row.get("dataset") for _, row in records}
    unknown = sorted(str(name) for name in wanted - set(SOURCES))
    if unknown:
        raise CorpusError([f"{records_path}: unknown dataset(s) {', '.join(unknown)}; supported: {', '.join(SOURCES)}"])
    docs = {(d.dataset, d.doc_id): d for name in sorted(wanted) for d in documents(name, root)}
    problems: list[str] = []
    out: list[dict] = []
    for number, row in records:
        where = f"{records_path}:{number}"
        try:
            doc = docs.get((row["dataset"], row["doc_id"]))
            start, end, digest = int(row["start"]), int(row["end"]), row["sha1"]
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"{where}: malformed stand-off record ({exc.__class__.__name__}: {exc})")
            continue
        if doc is None:
            problems.append(f"{where}: document {row['doc_id']!r} not found in {row['dataset']}")
            continue
        if not 0 <= start < end <= len(doc.text):
            problems.append(f"{where}: offsets {start}:{end} outside document {row['doc_id']!r}")
            continue
        text = doc.text[start:end]
        if sha1(text) != digest:
            problems.append(f"{where}: text hash mismatch for {row['doc_id']!r} {start}:{end} (dataset changed?)")
            continue
        out.append({**row, "text": text, "lang": doc.lang, "article_id": doc.article_id,
                    "outlet": row.get("outlet") or doc.outlet})
    if problems:
        raise CorpusError(problems)
    return out
