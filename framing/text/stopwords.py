"""Function words left out of n-gram features and explanations.

Negations and hedges (not, no, never, لا، لم، لن، ليس، غير، قد) are deliberately *kept*: they
carry doubt and denial, which the skepticism frame needs.
"""

from __future__ import annotations

from functools import lru_cache

ENGLISH = frozenset("""
a about above after again against all am an and any are as at be because been before being below
between both but by did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself me more most my myself of
off on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your yours yourself also its
said says say told according
""".split())

_ARABIC_RAW = """
في من على إلى الى عن أن إن ان التي الذي الذين اللذين اللتين اللواتي هذا هذه ذلك تلك هؤلاء أولئك
كان كانت كانوا يكون تكون و ثم أو او أم مع بين حتى بعد قبل عند عندما كما كل أي هو هي هم هن نحن أنا
أنت نحو فيه فيها فيهم منه منها منهم له لها لهم به بها بهم عليه عليها عليهم إليه إليها ما إذا إذ
أيضا أيضاً حيث خلال ضمن لدى لقد ف ب ل ك كذلك وفي ومن وعلى وإلى وعن وأن وإن وقد فيما بينما
التى الى اى هذة
وقال قال قالت وقالت وأضاف أضاف وأضافت وأوضح وأشار وأكد أكد
"""


@lru_cache(maxsize=1)
def arabic() -> frozenset[str]:
    """Arabic function words, normalized as the feature pipeline normalizes text."""
    from framing.text.normalize import normalize_arabic

    return frozenset(normalize_arabic(w) for w in _ARABIC_RAW.split())


def for_language(lang: str) -> frozenset[str]:
    """Function words of ``lang`` (empty for other languages)."""
    return arabic() if lang == "ar" else ENGLISH
