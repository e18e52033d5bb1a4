"""Which sentences to label next: uncertain ones, spread over different wording.

:func:`suggest` scores unlabeled sentences, ranks them by uncertainty (how close each frame's
probability is to that frame's decision threshold) and picks greedily among the most uncertain
ones, skipping sentences too similar (cosine on the model's features) to those already picked.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.models.features import analyze
from framing.schema import LANGUAGES


def suggest(model, texts: Sequence[str], k: int = 20, lang: str | None = None, pool: int = 10,
            diversity: float = 0.5) -> pd.DataFrame:
    """The ``k`` sentences most worth labeling next.

    ``pool``: candidates considered per pick (``k * pool`` most uncertain); ``diversity`` in
    [0, 1]: weight of dissimilarity to already picked sentences against uncertainty.
    Returns columns ``rank, index, text, lang, uncertainty, frame`` (the frame closest to its
    threshold) and one probability column per frame.
    """
    if k < 1:
        raise InputError("k must be at least 1")
    if not 0 <= diversity <= 1:
        raise InputError("diversity must be between 0 and 1")
    model = getattr(model, "model", model)  # a Scorer's FrameModel
    docs = [analyze(t, lang) for t in texts]
    keep = [i for i, d in enumerate(docs) if d.lang in LANGUAGES and d.tokens]
    if not keep:
        raise InputError("no Arabic or English sentence to choose from")
    X = model.featurize([docs[i] for i in keep])
    proba = model.frame_proba(X)
    thresholds = model.frame_thresholds(X)  # each sentence's language's thresholds
    # 1 at the threshold, 0 at a confident 0 or 1
    span = np.where(proba >= thresholds, 1 - thresholds, thresholds)
    closeness = 1 - np.abs(proba - thresholds) / np.maximum(span, 1e-9)
    uncertainty = closeness.max(axis=1)
    nearest = closeness.argmax(axis=1)
    order = np.argsort(-uncertainty)[: max(k * pool, k)]
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel()) + 1e-12
    chosen: list[int] = []
    similarity = np.zeros(len(order))
    picked = np.zeros(len(order), dtype=bool)
    for _ in range(min(k, len(order))):
        score = (1 - diversity) * uncertainty[order] - diversity * similarity
        score[picked] = -np.inf
        position = int(np.argmax(score))
        picked[position] = True
        best = int(order[position])
        chosen.append(best)
        sims = np.asarray((X[order] @ X[best].T).todense()).ravel() / (norms[order] * norms[best])
        similarity = np.maximum(similarity, sims)
    rows = []
    for rank, row in enumerate(chosen, 1):
        i = keep[row]
        record = {"rank": rank, "index": i, "text": texts[i], "lang": docs[i].lang,
                  "uncertainty": float(uncertainty[row]), "frame": model.frames[int(nearest[row])]}
        record.update({f: float(p) for f, p in zip(model.frames, proba[row])})
        rows.append(record)
    return pd.DataFrame(rows)


def suggestions_text(table: pd.DataFrame) -> str:
    """The terminal view of :func:`suggest`: rank, uncertainty, nearest frame and sentence."""
    from framing.schema import short

    lines = [f"{'rank':>4}  {'uncert.':>7}  {'nearest':<12} sentence"]
    lines += [f"{r['rank']:>4}  {r['uncertainty']:>7.2f}  {r['frame']:<12} {short(r['text'], 100)}" for r in table.to_dict("records")]
    return "\n".join(lines) + "\n"
