"""Language identification for Arabic and English news text.

Script decides first (Arabic letters vs Latin letters). Arabic-script text written in Persian or
Urdu is reported as ``"und"`` (undetermined) rather than guessed: a wrong language silently
produces wrong scores. Latin-script text is English only with positive evidence: English function
words (the common case, decided in microseconds), or, for text without them (headlines, name
lists), English ranked first by the ``lingua`` language identifier among English and other
Latin-script languages (0.2-1 ms a call; its models load on first use, ~1.5 s and ~190 MB).
The identifier reads the lowercase words when there are two or more (capitalized words are
mostly names); a few words are thin evidence, so where English is a close second on them the
whole line, names included, may confirm it, but never decides alone: English-looking names
would let "Wall Street termine séance positive" through.
Arabizi (Arabic in Latin letters and digits), Pinyin and text dominated by another language's
function words are ``und``.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

SUPPORTED_LANGUAGES = ("ar", "en")
_SAMPLE = 300
UNDETERMINED = "und"

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
# Letters used in Persian/Urdu/Pashto/Kurdish but not in Arabic.
_NON_ARABIC_ARABIC_SCRIPT = re.compile(r"[\u067E\u0686\u0698\u06AF\u06A9\u06CC\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2\u06C6\u06B5\u06CE]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_OTHER_LETTER = re.compile(r"[\u0370-\u03FF\u0400-\u04FF\u0590-\u05FF\u0900-\u0DFF\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:'[a-z]+)?")
# Arabizi: Latin letters with digits standing for Arabic sounds (3ayez, aroo7, ma3ak, a2ollak).
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F']+")
_ARABIZI_TOKEN = re.compile(r"(?:[a-z]*[a-z][235679][a-z0-9]*|[235679][a-z]{2,}[a-z0-9]*)")
_NUMERIC_SUFFIX = re.compile(r"\d+(?:st|nd|rd|th|s|am|pm|bn|mn|m|k|g|d|km|kg|mm|cm|ft|lb|mph|x)")
_ARABIZI_WORDS = frozenset("""ana enta enti inta inti howa heya ehna msh mesh mish yalla yallah inshallah inchallah
habibi habibti fein feen keda kda leh ezay ezzay izzay bokra bukra wallah wallahi aywa shokran shukran kaman awy
gedan kteer ktir 3shan 3ala ahlan delwa2ty dlwa2ty lessa lissa khalas 5alas hena henak bta3 beta3 mafeesh mafish
3ayez 3awez 3ayza 3andi ma3lesh ma3a ma3ak ya3ni""".split())
_PINYIN = frozenset("""a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci
cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo
e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang
gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie
jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la
lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu lv luan lue lun luo ma mai man mang
mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie
nin ning niu nong nou nu nv nuan nue nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi
qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui
shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun
tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye
yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen
zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo""".split())

_EN = frozenset("""the of and to in is was for on that with as by at from it be are were has have had
not this but which its their they he she his her will would said says after over about who
into than also been more can could against than while amid during under new an or our we you
there what when where if them these those because since before between should did do does
a all any being just now how my your him here then very some other such only must ago up out says told""".split())
# Frequent function words of other Latin-script languages (none of them are English words).
_OTHER = {
    "fr": frozenset("le la les des du et est une dans pour qui que sur pas avec ce cette sont ont à au aux ses leur été il elle nous ils".split()),
    "es": frozenset("el los las del y es una con por para que como pero sus fue han está según entre sobre".split()),
    "de": frozenset("der die das und ist nicht mit von den dem ein eine auf für sich auch wird nach bei zum".split()),
    "it": frozenset("il gli della delle che di è una per con non sono nel alla anche più dei".split()),
    "pt": frozenset("os das dos uma com não para que ao pelo pela foi são também está mais".split()),
    "nl": frozenset("het een van en de niet met voor zijn op ook dat naar bij worden werd".split()),
    "tr": frozenset("ve bir bu için ile olarak da de çok daha ama gibi olan".split()),
    "id": frozenset("yang dan di ini itu dengan untuk dari tidak akan pada juga dalam oleh ke tersebut adalah".split()),
    "tr_ascii": frozenset("ve bir bu icin ile olarak cok daha ama gibi olan mi mu ne ben sen degil var yok".split()),
    "sw": frozenset("na ya wa kwa ni la za katika kuwa hii huo hiyo sana leo kama lakini pia".split()),
    "tl": frozenset("ang mga ng sa ay na si ni ako ikaw siya hindi para kay naman po".split()),
}


def detect_language(text: str) -> str:
    """Return ``"ar"``, ``"en"`` or ``"und"`` for a sentence or document.

    >>> detect_language("قال المتحدث باسم الكرملين إن الزيارة قائمة")
    'ar'
    >>> detect_language("The Kremlin said the visit is being prepared.")
    'en'
    >>> detect_language("Le Kremlin a annoncé une visite officielle.")
    'und'
    >>> detect_language("ana 3ayez aroo7 ma3ak bokra")
    'und'
    """
    text = text[:_SAMPLE]  # the opening of a long text decides; keeps detection O(1)
    if text.isascii():
        return "en" if _ASCII_LETTER.search(text) and _looks_english(text) else UNDETERMINED
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    other = len(_OTHER_LETTER.findall(text))
    total = arabic + latin + other
    if total == 0:
        return UNDETERMINED
    if arabic >= latin and arabic >= other:
        foreign = len(_NON_ARABIC_ARABIC_SCRIPT.findall(text))
        return UNDETERMINED if foreign > max(1, 0.02 * arabic) else "ar"
    if latin > other:
        return "en" if _looks_english(text) else UNDETERMINED
    return UNDETERMINED


def _looks_english(text: str) -> bool:
    tokens = _LATIN_WORD.findall(text)
    if not tokens:
        return False
    lowered = [t.lower() for t in tokens]
    words = set(lowered)
    english = len(words & _EN)
    other = max(len(words & vocab) for vocab in _OTHER.values())
    # One foreign function word is usually part of a name (Las Vegas, Los Angeles, De Gaulle).
    if other >= 2 and other > english:
        return False
    if english >= 2:
        return True  # ordinary English prose (the common case): decided without a model
    raw = _TOKEN.findall(text)
    if _is_arabizi(raw) or _is_pinyin(raw):
        return False
    if english and sum(w in _EN for w in lowered) >= 0.2 * len(tokens):
        return True  # a short line with an English function word ("Putin, Kim meet in Vladivostok")
    # Little or no function-word evidence (a headline, a name list, one foreign word that may be
    # part of a name as in "El Paso ..."): ask the language identifier.
    return _english_by_model(tokens)


def _is_arabizi(tokens: list[str]) -> bool:
    """Two or more Arabizi words (digits inside lowercase words, or frequent Arabizi words)."""
    hits = 0
    for token in tokens:
        if token in _ARABIZI_WORDS or (_ARABIZI_TOKEN.fullmatch(token) and not _NUMERIC_SUFFIX.fullmatch(token)):
            hits += 1
            if hits >= 2:
                return True
    return False


def _is_pinyin(tokens: list[str]) -> bool:
    """Three or more words, every one a Pinyin syllable or a run of at most four of them."""
    words = [t.lower() for t in tokens if not t.isdigit()]
    return len(words) >= 3 and all(_pinyin_word(w) for w in words)


@lru_cache(maxsize=4096)
def _pinyin_word(word: str, parts: int = 4) -> bool:
    if word in _PINYIN:
        return True
    return parts > 1 and any(word[:i] in _PINYIN and _pinyin_word(word[i:], parts - 1) for i in range(1, min(6, len(word))))


# English and Latin-script languages whose headlines lack the function words above. Each language
# costs ~25 MB and ~0.2 s to load (once, on the first text that needs the model); seven load in
# ~1.5 s and take ~190 MB. Other languages are mostly caught by function words, Arabizi and Pinyin.
_MODEL_LANGUAGES = ("ENGLISH", "FRENCH", "SPANISH", "GERMAN", "TURKISH", "INDONESIAN", "SWAHILI")
_MODEL_SAMPLE = 120  # characters given to the identifier: enough for a headline, bounds its cost
_NEAR_TIE = 0.8  # English within 80% of the best language counts: names blur short headlines
_CLOSE_SECOND = 0.5  # English within 50% of the best on the lowercase words: the whole line may confirm
_detector = None
_detector_lock = threading.Lock()


def _model():
    global _detector
    if _detector is None:
        with _detector_lock:
            if _detector is None:
                from lingua import Language, LanguageDetectorBuilder

                languages = [getattr(Language, name) for name in _MODEL_LANGUAGES]
                _detector = LanguageDetectorBuilder.from_languages(*languages).build()
    return _detector


def _english_by_model(tokens: list[str]) -> bool:
    """English ranks first (within :data:`_NEAR_TIE`) among :data:`_MODEL_LANGUAGES`.

    Two or more lowercase words decide (capitalized words are mostly names, which belong to no
    language); when English is only a close second on them, the whole line (names included:
    "Great Britain") must rank English first too. Without lowercase words the whole line decides.
    """
    whole = " ".join(tokens)[:_MODEL_SAMPLE]
    common = [t for t in tokens if t[:1].islower()]
    if len(common) < 2:
        return _english_share(whole) >= _NEAR_TIE
    share = _english_share(" ".join(common)[:_MODEL_SAMPLE])
    return share >= _NEAR_TIE or share >= _CLOSE_SECOND and _english_share(whole) >= _NEAR_TIE


@lru_cache(maxsize=8192)
def _english_share(text: str) -> float:
    """English's confidence relative to the best of :data:`_MODEL_LANGUAGES` (0 to 1)."""
    values = _model().compute_language_confidence_values(text)
    if not values or values[0].value <= 0:
        return 0.0
    return next((v.value for v in values if v.language.name == "ENGLISH"), 0.0) / values[0].value
