"""Text in other scripts: marked so that browsers pick the right font, direction and voice.

Real participants are named in their own scripts — "Shinya Takami (高見真也)", "Λένα
Παππά", "Олена Коваль", "ليلى حداد" — and notes quote them. A browser needs two hints to
show such a run well inside a Swedish or English page: the direction (an Arabic or Hebrew
name inside a left-to-right sentence, or a list of them, reorders its neighbours unless it
is isolated) and the script, so that the fallback font is chosen for it and a screen
reader does not read it with Swedish rules. The language itself is not known — 高見真也
could be Japanese or Chinese — so a run gets the BCP 47 tag of its script with the
language undetermined (``und-Hani``), or the language where the script says it (kana
is Japanese, hangul Korean).

:func:`isolate` wraps every such run of the HTML's text in ``<bdi lang="…">`` (``bdi``
isolates its direction, as ``dir="auto"`` would); the minutes' pieces and the archive
pages pass their HTML through it. Latin text, however accented, is left as it is, so a
page without other scripts comes out byte for byte as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_JOINERS = r"\s\u200c\u200d'’.\-·"
"""What may stand between two letters of one run: spaces, joiners, apostrophes, dots."""

_HAN = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_CJK_PUNCTUATION = "\u3000-\u3004\u3006-\u303f\uff01-\uff0f\uff1a-\uff20"
_SCRIPTS: dict[str, str] = {
    "und-Arab": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc",
    "und-Hebr": "\u0591-\u05f4\ufb1d-\ufb4f",
    "und-Grek": "\u0370-\u03ff\u1f00-\u1fff",
    "und-Cyrl": "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f",
    "cjk": _HAN + _KANA + _HANGUL,
}


def _run(letters: str, extra: str = "") -> str:
    inner = f"[{letters}{extra}{_JOINERS}]*"
    return f"[{letters}](?:{inner}[{letters}{extra}])?"


_RUN = re.compile(
    "|".join(
        f"(?P<{tag.replace('-', '_')}>{_run(letters, _CJK_PUNCTUATION if tag == 'cjk' else '')})"
        for tag, letters in _SCRIPTS.items()
    )
)
_JAPANESE = re.compile(f"[{_KANA}]")
_KOREAN = re.compile(f"[{_HANGUL}]")
_ANY = re.compile(f"[{''.join(_SCRIPTS.values())}]")

_TAG = re.compile(r"<[^>]*>")
_RAW = re.compile(r"<(script|style|title|textarea|svg|bdi)\b.*?</\1\s*>", re.S | re.I)


def language(run: str) -> str:
    """The ``lang`` of a run of one script: its language where the script tells it."""
    match = _RUN.fullmatch(run)
    if match is None or match.lastgroup is None:
        return "und"
    if match.lastgroup != "cjk":
        return match.lastgroup.replace("_", "-")
    if _JAPANESE.search(run):
        return "ja"
    if _KOREAN.search(run):
        return "ko"
    return "und-Hani"


def _wrap(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        run = match.group(0)
        return f'<bdi lang="{language(run)}">{run}</bdi>'

    return _RUN.sub(one, text)


def _outside(skipped: re.Pattern[str], html: str, change: Callable[[str], str]) -> str:
    """``html`` with ``change`` applied to what lies between the matches of ``skipped``."""
    out, at = [], 0
    for match in skipped.finditer(html):
        out += [change(html[at : match.start()]), match.group(0)]
        at = match.end()
    out.append(change(html[at:]))
    return "".join(out)


def _text_only(html: str) -> str:
    """Wrap the runs in the text between tags; tags and their attributes stay as they are."""
    return _outside(_TAG, html, _wrap)


def isolate(html: str) -> str:
    """Mark every run of text in another script in ``html`` with its direction and script.

    ``html`` is markup whose attribute values escape ``<`` and ``>`` (as everything
    minutebook writes does); the contents of ``script``, ``style``, ``title``, ``svg`` and
    ``textarea`` are left alone, and so are runs already marked.
    """
    if not _ANY.search(html):
        return html
    return _outside(_RAW, html, _text_only)
