"""What an annotator is: a component that reads sentences and returns the columns it declares.

Like a spaCy pipeline component, an annotator declares what it assigns (``columns``) and the
scorer checks that it returns exactly that, one value per sentence. Write your own::

    class Length:
        name = "length"
        columns = ("n_chars",)

        def __call__(self, sentences):
            return {"n_chars": [len(t) for t in sentences.texts]}

    scorer = framing.Scorer(model, annotators=[*framing.default_annotators(), Length()])
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol, Sequence, runtime_checkable

from framing.errors import ModelError


class Sentences(NamedTuple):
    """A batch of sentences for annotators.

    ``langs``: ``ar``, ``en`` or ``und`` (not scored: annotators return empty values);
    ``normalized``: the model's normalized text of each sentence ("" when not scored);
    ``in_article``: consecutive sentences of one article, in order (else independent lines);
    ``kinds``: the segmenter's line kind of each sentence (``sentence``, ``headline``, ``title``),
    or None when unknown.
    """

    texts: Sequence[str]
    langs: Sequence[str]
    normalized: Sequence[str]
    in_article: bool = False
    kinds: Sequence[str] | None = None


@runtime_checkable
class Annotator(Protocol):
    """A component: ``name``, the ``columns`` it adds, and ``__call__(sentences) -> {column: values}``."""

    name: str
    columns: Sequence[str]

    def __call__(self, sentences: Sentences) -> dict[str, list[Any]]:
        """One list per declared column, one value per sentence."""
        ...


def run_annotators(annotators: Sequence[Annotator], sentences: Sentences) -> dict[str, list[Any]]:
    """Run each annotator once and check it returned exactly its declared columns."""
    out: dict[str, list[Any]] = {}
    n = len(sentences.texts)
    for annotator in annotators:
        got = annotator(sentences)
        declared = list(annotator.columns)
        if not isinstance(got, dict) or sorted(got) != sorted(declared):
            keys = sorted(got) if isinstance(got, dict) else type(got).__name__
            raise ModelError(f"annotator {annotator.name!r} declares {declared} but returned {keys}")
        for column in declared:
            values = list(got[column])
            if len(values) != n:
                raise ModelError(f"annotator {annotator.name!r}: {len(values)} values for column {column!r}, expected {n}")
            out[column] = values
    return out
