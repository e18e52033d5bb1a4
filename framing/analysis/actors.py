"""Frames and tone per actor over scored sentences (the ``actors`` column)."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import pandas as pd

from framing.errors import InputError
from framing.schema import TONES


def by_actor(sentences: pd.DataFrame, frames: Sequence[str], actors: str = "actors", gazetteer=None) -> pd.DataFrame:
    """Frames and tone per actor over scored sentences (one row per actor, most mentioned first).

    Columns: ``actor, sentences, articles``, per frame the share of the actor's sentences with
    the frame (``<frame>_share``) and the mean probability, and per tone the share.
    """
    if actors not in sentences:
        raise InputError(f"no {actors!r} column: score with a model/gazetteer that detects actors")
    exploded = sentences.explode(actors).dropna(subset=[actors])
    if exploded.empty:
        return pd.DataFrame(columns=["actor", "sentences", "articles"])
    rows: list[dict[str, Any]] = []
    for actor_id, group in exploded.groupby(actors, sort=False):
        row: dict[str, Any] = {"actor": actor_id, "sentences": len(group),
                               "articles": group["article_id"].nunique() if "article_id" in group else None}
        for frame in frames:
            row[f"{frame}_share"] = float(group["labels"].map(lambda ls, f=frame: f in ls).mean())
            row[f"{frame}_mean"] = float(group[frame].mean())
        if "tone" in group:
            for tone in TONES:
                row[f"tone_{tone}"] = float((group["tone"] == tone).mean())
        rows.append(row)
    table = pd.DataFrame(rows).sort_values(["sentences", "actor"], ascending=[False, True]).reset_index(drop=True)
    if gazetteer is not None:  # an ActorGazetteer: add each actor's English name
        table.insert(1, "name", table["actor"].map({k: v.name.get("en", k) for k, v in gazetteer.actors.items()}))
    return table


def actor_table(articles: Iterable[Any], frames: Sequence[str], gazetteer=None, brief: bool = False) -> pd.DataFrame:
    """:func:`by_actor` over scored articles (``framing score --by-actor``); ``brief`` leaves out
    the mean-probability columns (for a terminal table). :class:`InputError` when there are none."""
    parts = [article.sentences for article in articles]
    if not parts:
        raise InputError("no article could be scored")
    table = by_actor(pd.concat(parts, ignore_index=True), frames, gazetteer=gazetteer)
    return table[[c for c in table.columns if not c.endswith("_mean")]] if brief else table
