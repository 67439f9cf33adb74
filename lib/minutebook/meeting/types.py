"""The building blocks of the meeting models: text, times, flags, links, the strict base.

Shared by every part of the meeting file (:mod:`minutebook.meeting.model`), so that a flag
means the same everywhere and every part refuses unknown keys the same way.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_serializer,
)

from ..i18n import say, user_language

# The format's fixed values are English words, and a Swedish secretary may write the
# Swedish ones: each is read as its English word (what the model, meeting.json and the
# templates hold), and the JSON Schema offers both to editors. One table for all fields:
# a word means the same wherever the format uses it.
SWEDISH = {
    # roles
    "chair": "ordförande",
    "vice_chair": "vice ordförande",
    "secretary": "sekreterare",
    "adjuster": "justerare",
    "member": "ledamot",
    "deputy": "ersättare",
    "officer": "tjänsteperson",
    "guest": "gäst",
    # kind, status, language
    "notes": "mötesanteckningar",
    "protocol": "protokoll",
    "planned": "planerat",
    "draft": "utkast",
    "final": "slutlig",
    "cancelled": "inställt",
    # attendance
    "present": "närvarande",
    "remote": "på distans",
    "absent": "frånvarande",
    "excused": "anmält förhinder",
    # an item's outcome, a proposal's, a vote's
    "decided": "beslutat",
    "noted": "noterat",
    "tabled": "bordlagt",
    "referred": "återremitterat",
    "answered": "besvarat",
    "withdrawn": "återtaget",
    "adopted": "bifallet",
    "rejected": "avslaget",
    "lapsed": "förfallet",
    # a proposal's kind, a vote's method, a link's kind
    "main": "huvudyrkande",
    "approve": "bifall",
    "reject": "avslag",
    "amend": "ändringsyrkande",
    "add": "tilläggsyrkande",
    "refer": "återremiss",
    "table": "bordläggning",
    "acclamation": "acklamation",
    "show_of_hands": "handuppräckning",
    "roll_call": "votering",
    "ballot": "sluten omröstning",
    "agenda": "dagordning",
    "recording": "inspelning",
    "transcript": "utskrift",
    "other": "övrigt",
}
# Other ways people write some of them
_SWEDISH_ALSO = {
    "vice ordf": "vice_chair",
    "ordf": "chair",
    "planerad": "planned",
    "slutligt": "final",
    "fastställd": "final",
    "inställd": "cancelled",
    "distans": "remote",
    "förhinder": "excused",
    "öppen omröstning": "roll_call",
    "sluten": "ballot",
}
_ENGLISH = {swedish: english for english, swedish in SWEDISH.items()} | _SWEDISH_ALSO
# The keys a Swedish secretary may write in Swedish: "unknown key" then names the key meant.
SWEDISH_KEYS = {
    "titel": "title", "rubrik": "title", "datum": "date", "plats": "place", "tid": "time",
    "organ": "body", "nämnd": "body", "deltagare": "participants", "närvarande": "present",
    "namn": "name", "roll": "role", "punkter": "items", "ärenden": "items",
    "anteckningar": "notes", "beslut": "decisions", "åtgärder": "actions",
    "ansvarig": "owner", "föredragande": "presenters", "bilagor": "attachments",
    "justerare": "adjusters", "sekreterare": "recorded_by", "språk": "language",
    "typ": "kind", "rättelser": "corrections", "parti": "party", "yrkanden": "proposals",
    "omröstningar": "votes", "handlingar": "documents", "början": "start", "slut": "end",
}  # fmt: skip


def english_word(value: Any) -> Any:
    """A fixed value as its English word, for code that reads a file before the model does."""
    if isinstance(value, list):
        return [english_word(v) for v in value]
    if isinstance(value, str):
        word = " ".join(value.strip().lower().replace("_", " ").split())
        return _ENGLISH.get(word, value)
    return value


def in_user_words(word: str) -> str:
    """A fixed value as the user says it (``antagen`` to a Swedish user), for messages."""
    return SWEDISH.get(word, word) if user_language() == "sv" else word


def in_english(words: Any) -> BeforeValidator:
    """A validator reading the Swedish word for one of ``words`` (a Literal) as the English.

    Any case, ``_`` or a space between words; anything else is left for the Literal to judge.
    """
    english = get_args(words)

    def read(value: Any) -> Any:
        word = english_word(value) if isinstance(value, str) else value
        return word if word in english else value

    return BeforeValidator(read)


def both_languages(words: Any) -> WithJsonSchema:
    """The JSON Schema of ``words`` (a Literal): the English words and the Swedish ones."""
    english = list(get_args(words))
    return WithJsonSchema({"enum": [*english, *(SWEDISH[w] for w in english if w in SWEDISH)]})


RoleWord = Literal[
    "chair", "vice_chair", "secretary", "adjuster", "member", "deputy", "officer", "guest"
]
Role = Annotated[RoleWord, in_english(RoleWord), both_languages(RoleWord)]
KindWord = Literal["notes", "protocol"]
Kind = Annotated[KindWord, in_english(KindWord), both_languages(KindWord)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _clock(value: Any) -> Any:
    """A time as Swedes write it, unquoted: ``14.30``, which YAML reads as the number 14.3.

    Left alone, a number would become seconds after midnight (00:00:14.3): silently wrong.
    Hours and minutes are read from it as written ("14.30", "9.05", "14" → 14:30, 09:05,
    14:00); "14.30" in quotes is read as "14:30".
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and 0 <= value <= 23:
        return f"{value:02d}:00"
    if isinstance(value, float) and 0 <= value < 24:
        hours = int(value)
        minutes = round((value - hours) * 100)
        return f"{hours:02d}:{minutes:02d}" if minutes < 60 else value
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,2}\.\d{2}\s*", value):
        return value.strip().replace(".", ":")
    return value


# Editors check "format: time" as RFC 3339 (13:00:00+01:00); secretaries write "13:00".
ClockTime = Annotated[
    dt.time,
    BeforeValidator(_clock),
    WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3])[:.][0-5]\d(:[0-5]\d)?$"}),
]


# YAML 1.2 reads only true/false as booleans; secretaries also write yes/no/on/off, which
# YAML 1.1 (and most editors' highlighting) calls booleans. They mean the same everywhere
# in the format: a flag, never text ("confidential: no" is not a reason called "no").
BOOLEAN_WORDS = {
    **dict.fromkeys(("true", "yes", "on", "y", "ja", "sant"), True),
    **dict.fromkeys(("false", "no", "off", "n", "nej", "falskt"), False),
}


def yaml_bool(value: Any) -> Any:
    """A boolean word as the boolean it means; anything else as it is."""
    if isinstance(value, str) and value.strip().lower() in BOOLEAN_WORDS:
        return BOOLEAN_WORDS[value.strip().lower()]
    return value


def is_true(value: Any) -> bool:
    """Whether a flag as read from YAML (``true``, ``yes``, ``no``, nothing …) is set."""
    return yaml_bool(value) is True


Flag = Annotated[
    bool,
    BeforeValidator(yaml_bool),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": sorted(BOOLEAN_WORDS)}]}),
]


class _Strict(BaseModel):
    """Base of every part of a meeting: unknown keys are errors, values are frozen.

    Keys of the second version of the format are left out of the dumped meeting (its
    ``meeting.json``, the template's parameters) when they are not set, so that a file of
    the first version publishes exactly what it always did.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    _second_version: ClassVar[frozenset[str]] = frozenset()

    @model_serializer(mode="wrap")
    def _without_unset(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for key in self._second_version:
                if data.get(key) in (None, [], {}):
                    data.pop(key, None)
            self._dumped(data)
        return data

    def _dumped(self, data: dict[str, Any]) -> None:
        """Adjust the dumped keys of this part (see :class:`Participant`)."""


def _safe_href(href: str) -> str:
    """Attachments link to https URLs or to files inside the series folder, nowhere else."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href):
        if not href.startswith("https://"):
            raise ValueError(say("rule.href"))
        return href
    parts = href.replace("\\", "/").split("/")
    if href.startswith(("/", "\\")) or ".." in parts:
        raise ValueError(say("rule.inside"))
    return href


SHARED_DATA = "../_data/"
"""How a meeting names a file in ``params/_data/``, the data several series share."""


def _data_file(path: str) -> str:
    """Data files are CSV or Excel files inside the series folder, or in ``params/_data/``."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path):
        raise ValueError(say("rule.data_path"))
    _safe_href(path.removeprefix(SHARED_DATA))
    if not path.lower().endswith((".csv", ".xlsx")):
        raise ValueError(say("rule.data_kind"))
    return path


DataName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_-]*$")]
DataPath = Annotated[Text, AfterValidator(_data_file)]


def _encoding(name: str) -> str:
    try:
        codecs.lookup(name)
    except LookupError:
        raise ValueError(say("rule.encoding", name=name)) from None
    return name


class DataFile(_Strict):
    """A data file and how to read it, where pandas' defaults would misread it."""

    file: DataPath = Field(description="CSV or Excel, relative to the series folder")
    sep: Literal[",", ";", "\t", "|"] | None = Field(
        default=None, description="the column separator (default: recognised, or refused)"
    )
    decimal: Literal[".", ","] | None = Field(default=None, description="the decimal mark")
    thousands: Literal[" ", "\u00a0", ".", ",", "'"] | None = Field(
        default=None, description="the thousands separator"
    )
    encoding: Annotated[str, AfterValidator(_encoding)] | None = Field(
        default=None, description="the text encoding (default UTF-8): cp1252, latin-1 …"
    )
    sheet: str | int | None = Field(
        default=None,
        description="Excel: the sheet's name or number (from 0), or all (every sheet)",
    )
    confidential: Flag = Field(
        default=False, description="read only in the internal version of the minutes"
    )

    def options(self) -> dict[str, Any]:
        """What to tell the reader besides the file: the options given."""
        keys = ("sep", "decimal", "thousands", "encoding", "sheet")
        return {k: getattr(self, k) for k in keys if getattr(self, k) is not None}


# A data entry is a path, or a mapping with the path and how to read it: the form written
# decides which is checked, so that an error names the key that is wrong.
DataEntry = Annotated[
    Annotated[DataPath, Tag("path")] | Annotated[DataFile, Tag("options")],
    Discriminator(lambda value: "path" if isinstance(value, str) else "options"),
]
