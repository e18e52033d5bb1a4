"""Annotators: components that add columns to sentences (who voices them, which actors they name).

Each declares the columns it adds (:class:`~framing.annotate.base.Annotator`); the scorer runs
them once per batch of sentences. :func:`default_annotators` gives the shipped pair; pass your
own gazetteer with ``default_annotators(actors="my_actors.yaml")``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.annotate.base import Annotator, Sentences, run_annotators

if TYPE_CHECKING:
    from framing.annotate.actors import ActorGazetteer

__all__ = ["Annotator", "Sentences", "default_annotators", "run_annotators"]


def default_annotators(actors: "ActorGazetteer | str | Path | None" = None) -> list[Any]:
    """Attribution (``source, cue, quote_type, source_resolved, source_type``) and actors
    (``actors``; ``actors`` is your gazetteer or actors file, None for the shipped one; source
    types use the same gazetteer)."""
    from framing.annotate.actors import ActorAnnotator
    from framing.annotate.attribution import AttributionAnnotator

    actor_annotator = ActorAnnotator(actors)
    return [AttributionAnnotator(actor_annotator.gazetteer), actor_annotator]
