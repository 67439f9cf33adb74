"""Everything the outputs say in words of their own, in Swedish and English.

One table, so that no label is scattered through templates and a new language is one
more column. Values the secretary wrote are never translated.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .archive_labels import ARCHIVE_LABELS

Language = Literal["sv", "en"]

LABELS: dict[str, dict[Language, str]] = {
    **ARCHIVE_LABELS,
    "notes": {"sv": "Mötesanteckningar", "en": "Meeting notes"},
    "protocol": {"sv": "Protokoll", "en": "Minutes"},
    "date": {"sv": "Datum", "en": "Date"},
    "time": {"sv": "Tid", "en": "Time"},
    "place": {"sv": "Plats", "en": "Place"},
    "attendance": {"sv": "Deltagare", "en": "Attendance"},
    "present": {"sv": "Närvarande", "en": "Present"},
    # the attendance of the second version: groups, and what is said at a name
    "serving": {"sv": "Beslutande", "en": "Voting members"},
    "deputies_not_serving": {"sv": "Ej tjänstgörande ersättare", "en": "Deputies not serving"},
    "others_present": {"sv": "Övriga närvarande", "en": "Also present"},
    "excused": {"sv": "Anmält förhinder", "en": "Regrets"},
    "remote": {"sv": "på distans", "en": "remotely"},
    "serving_for": {"sv": "tjänstgörande ersättare för {name}", "en": "serving for {name}"},
    "during": {"sv": "under {items}", "en": "during {items}"},
    "joined_at": {"sv": "från kl. {time}", "en": "from {time}"},
    "joined_item": {"sv": "från {item}", "en": "from {item}"},
    "left_at": {"sv": "lämnar kl. {time}", "en": "left at {time}"},
    "left_item": {"sv": "lämnar efter {item}", "en": "left after {item}"},
    "time_separator": {"sv": ".", "en": ":"},
    "absent": {"sv": "Frånvarande", "en": "Absent"},
    "presenters": {"sv": "Föredragande", "en": "Presented by"},
    "decisions": {"sv": "Beslut", "en": "Decisions"},
    "documents": {"sv": "Beslutsunderlag", "en": "Documents"},
    "unanimous": {"sv": "Beslutet är enhälligt.", "en": "The decision was unanimous."},
    "written_reservation": {"sv": "Skriftlig reservation", "en": "Written reservation"},
    "recusal": {
        "sv": "{name} anmäler jäv och deltar inte i handläggningen av ärendet.",
        "en": "{name} declared a conflict of interest and took no part in the item.",
    },
    "recusal_because": {
        "sv": "{name} anmäler jäv ({reason}) och deltar inte i handläggningen av ärendet.",
        "en": "{name} declared a conflict of interest ({reason}) and took no part in the item.",
    },
    "statements": {"sv": "Protokollsanteckningar", "en": "Statements for the record"},
    "asked_by": {"sv": "Frågeställare", "en": "Asked by"},
    "answered_by": {"sv": "Svar", "en": "Answered by"},
    "recommendation": {"sv": "Förslag till {body}", "en": "Recommendation to {body}"},
    "adjusted_immediately": {
        "sv": "Paragrafen förklaras omedelbart justerad.",
        "en": "This item was approved at once.",
    },
    "outcome.noted": {
        "sv": "Informationen läggs till handlingarna.",
        "en": "The information was noted.",
    },
    "outcome.tabled": {"sv": "Ärendet bordläggs.", "en": "The item was tabled."},
    "outcome.referred": {"sv": "Ärendet återremitteras.", "en": "The item was referred back."},
    "outcome.answered": {"sv": "Frågan anses besvarad.", "en": "The question was answered."},
    "outcome.withdrawn": {"sv": "Ärendet utgår.", "en": "The item was withdrawn."},
    "dispatch": {"sv": "Expediering", "en": "Sent to"},
    # proposals and votes
    "proposals": {"sv": "Yrkanden", "en": "Proposals"},
    "proposal.main": {"sv": "huvudyrkande", "en": "main motion"},
    "proposal.approve": {"sv": "bifall", "en": "to approve"},
    "proposal.reject": {"sv": "avslag", "en": "to reject"},
    "proposal.amend": {"sv": "ändringsyrkande", "en": "amendment"},
    "proposal.add": {"sv": "tilläggsyrkande", "en": "addition"},
    "proposal.refer": {"sv": "återremiss", "en": "to refer back"},
    "proposal.table": {"sv": "bordläggning", "en": "to table"},
    "proposal.other": {"sv": "övrigt yrkande", "en": "other"},
    "proposal.adopted": {"sv": "Bifalls.", "en": "Adopted."},
    "proposal.rejected": {"sv": "Avslås.", "en": "Rejected."},
    "proposal.withdrawn": {"sv": "Återtaget.", "en": "Withdrawn."},
    "proposal.lapsed": {"sv": "Förfaller.", "en": "Lapsed."},
    "amends": {"sv": "ändrar {id}", "en": "amends {id}"},
    "seconded_by": {"sv": "Instämmer", "en": "Seconded by"},
    "votes": {"sv": "Propositionsordning och omröstning", "en": "Questions and votes"},
    "yes_for": {"sv": "Ja för {x}", "en": "Yes for {x}"},
    "no_for": {"sv": "Nej för {x}", "en": "No for {x}"},
    "method.acclamation": {"sv": "acklamation", "en": "by acclamation"},
    "method.show_of_hands": {"sv": "handuppräckning", "en": "show of hands"},
    "method.roll_call": {"sv": "öppen omröstning", "en": "roll call"},
    "method.ballot": {"sv": "sluten omröstning", "en": "secret ballot"},
    "vote.yes": {"sv": "Ja", "en": "Yes"},
    "vote.no": {"sv": "Nej", "en": "No"},
    "vote.abstain": {"sv": "Avstår", "en": "Abstain"},
    "vote.absent": {"sv": "Frånvarande", "en": "Absent"},
    "vote.adopted": {"sv": "Ja-sidan vann.", "en": "Carried."},
    "vote.rejected": {"sv": "Nej-sidan vann.", "en": "Not carried."},
    "casting_vote": {
        "sv": "{name}s utslagsröst avgjorde.",
        "en": "Decided by the casting vote of {name}.",
    },
    "lot": {"sv": "Avgjort genom lottning.", "en": "Decided by lot."},
    "requirement": {"sv": "Krav: {text}.", "en": "Requirement: {text}."},
    "option": {"sv": "Alternativ", "en": "Choice"},
    "vote_count": {"sv": "Röster", "en": "Votes"},
    "voter": {"sv": "Ledamot", "en": "Member"},
    "breaks": {"sv": "Ajournering", "en": "Adjourned"},
    "adjustment_when": {"sv": "Justeringens plats och tid", "en": "Approval, place and time"},
    "adjusters_appointed": {"sv": "Utses att justera", "en": "To approve the minutes"},
    "paragraphs": {"sv": "Paragrafer", "en": "Items"},
    "meeting_links": {"sv": "Mötets dokument", "en": "Meeting documents"},
    "link.agenda": {"sv": "Dagordning", "en": "Agenda"},
    "link.recording": {"sv": "Inspelning", "en": "Recording"},
    "link.transcript": {"sv": "Utskrift", "en": "Transcript"},
    "link.other": {"sv": "Dokument", "en": "Document"},
    "meeting_actions": {"sv": "Åtgärder", "en": "Action items"},
    "next_meeting": {"sv": "Nästa möte", "en": "Next meeting"},
    "case": {"sv": "Dnr", "en": "Ref."},
    "taken_up": {"sv": "kl. {time}", "en": "at {time}"},
    "reservation": {"sv": "Reservation", "en": "Reservation"},
    "actions": {"sv": "Åtgärder", "en": "Action items"},
    "task": {"sv": "Åtgärd", "en": "Action"},
    "follow_up": {"sv": "Uppföljning av åtgärder", "en": "Follow-up of actions"},
    "owner": {"sv": "Ansvarig", "en": "Owner"},
    "due": {"sv": "Klart senast", "en": "Due"},
    "status": {"sv": "Status", "en": "Status"},
    "done": {"sv": "Klar", "en": "Done"},
    "attachments": {"sv": "Bilagor", "en": "Attachments"},
    "recorded_by": {"sv": "Noterat av", "en": "Recorded by"},
    "source": {"sv": "Källa", "en": "Source"},
    "corrections": {"sv": "Rättelser", "en": "Corrections"},
    "draft": {"sv": "UTKAST", "en": "DRAFT"},
    # a wide table's region, which scrolls sideways on a phone (and its caption after it)
    "table_region": {"sv": "Tabell", "en": "Table"},
    # after "UTKAST", naming what the page is
    "draft_notice.notes": {
        "sv": "– mötesanteckningarna är inte fastställda.",
        "en": "– these meeting notes have not been approved.",
    },
    "draft_notice.protocol": {
        "sv": "– protokollet är inte justerat.",
        "en": "– these minutes have not been approved.",
    },
    "confidential": {"sv": "Sekretessbelagd punkt", "en": "Confidential item"},
    "confidential_public": {
        "sv": "Uppgifterna i ärendet omfattas av sekretess och publiceras inte.",
        "en": "The item holds confidential information and is not published.",
    },
    "name_withheld": {"sv": "namn ej publicerat", "en": "name withheld"},
    # a withheld name in running text: "En ledamot redogjorde …", "… enligt ordföranden."
    "withheld.chair": {"sv": "ordföranden", "en": "the chair"},
    "withheld.vice_chair": {"sv": "vice ordföranden", "en": "the vice chair"},
    "withheld.secretary": {"sv": "sekreteraren", "en": "the secretary"},
    "withheld.adjuster": {"sv": "en justerare", "en": "an adjuster"},
    "withheld.member": {"sv": "en ledamot", "en": "a member"},
    "withheld.deputy": {"sv": "en ersättare", "en": "a deputy"},
    "withheld.officer": {"sv": "en tjänsteperson", "en": "an officer"},
    "withheld.guest": {"sv": "en gäst", "en": "a guest"},
    "withheld.person": {"sv": "en person", "en": "a person"},
    # the notes of a new series' first meeting, to be replaced (check refuses it as it is)
    "skeleton.notes": {
        "sv": "Skriv anteckningarna här, i Markdown.",
        "en": "Write the notes here, in Markdown.",
    },
    "confidential_internal": {
        "sv": "Sekretess – lämnas inte ut",
        "en": "Confidential – not to be passed on",
    },
    "skip_to_content": {"sv": "Hoppa till innehållet", "en": "Skip to content"},
    "page_of": {"sv": "Sida {page} av {pages}", "en": "Page {page} of {pages}"},
    # protokoll: numbering, justering, anslagsbevis
    "adjustment": {"sv": "Justeras", "en": "Approved"},
    "signed_secretary": {"sv": "Vid protokollet", "en": "Recorded by"},
    "adjusted_on": {"sv": "Justeringsdatum", "en": "Date of approval"},
    "notice": {"sv": "Anslagsbevis", "en": "Notice of approval"},
    "notice_text": {
        "sv": "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
        "en": "These minutes have been approved, and their approval announced on the "
        "official notice board.",
    },
    "body_label": {"sv": "Organ", "en": "Body"},
    "meeting_date": {"sv": "Sammanträdesdatum", "en": "Date of meeting"},
    "posted_on": {"sv": "Datum då anslaget sätts upp", "en": "Notice posted on"},
    "taken_down": {"sv": "Datum då anslaget tas ned", "en": "Notice taken down on"},
    "kept_at": {"sv": "Förvaringsplats för protokollet", "en": "The minutes are kept at"},
    "not_yet": {"sv": "ännu inte justerat", "en": "not yet approved"},
    # before the meeting: the kallelse, a cancellation; after it: the notice board
    "planned": {"sv": "Kallelse", "en": "Notice of meeting"},
    "planned_kind": {"sv": "Kallelse till sammanträde", "en": "Notice of meeting"},
    "cancelled": {"sv": "Inställt sammanträde", "en": "Cancelled meeting"},
    "cancelled_kind": {"sv": "Inställt sammanträde", "en": "Cancelled meeting"},
    "cancelled_text": {"sv": "Sammanträdet är inställt.", "en": "The meeting is cancelled."},
    "agenda": {"sv": "Föredragningslista", "en": "Agenda"},
    "called": {"sv": "Kallade", "en": "Invited"},
    "proposed_decision": {"sv": "Förslag till beslut", "en": "Proposed decision"},
    "notice_board": {"sv": "Anslagstavla", "en": "Notice board"},
    "notice_board_intro": {
        "sv": "Kallelser till sammanträden och tillkännagivanden av justerade protokoll. Ett "
        "protokoll sitter uppe i tre veckor, den tid då beslut kan överklagas.",
        "en": "Notices of meetings and of approved minutes. Minutes stay posted for three "
        "weeks, the time in which their decisions may be appealed.",
    },
    "posted_now": {"sv": "Anslag just nu", "en": "Posted now"},
    "taken_down_list": {"sv": "Nedtagna anslag", "en": "Taken down"},
    "nothing_posted": {"sv": "Inga anslag just nu.", "en": "Nothing is posted now."},
    "as_of": {"sv": "Anslagstavlan {date}", "en": "The notice board on {date}"},
    "notice_kind.planned": {"sv": "Kallelse", "en": "Notice of meeting"},
    "notice_kind.cancelled": {"sv": "Inställt sammanträde", "en": "Cancelled meeting"},
    "notice_kind.adjusted": {"sv": "Justerat protokoll", "en": "Approved minutes"},
    "notice_posted": {"sv": "Uppsatt", "en": "Posted"},
    "notice_down": {"sv": "Tas ned", "en": "Taken down"},
    "notice_document": {"sv": "Handling", "en": "Document"},
    "kallelse_link": {"sv": "Kallelse", "en": "Notice of meeting"},
    "signed_digitally": {"sv": "Justerat digitalt", "en": "Signed"},
    "internal": {
        "sv": "Internt – innehåller uppgifter som inte publiceras",
        "en": "Internal – contains information that is not published",
    },
    "internal_tag": {"sv": "INTERNT", "en": "INTERNAL"},
    # data sections
    "total": {"sv": "Totalt", "en": "Total"},
    "change": {"sv": "Förändring", "en": "Change"},
    "bar_chart": {"sv": "Stapeldiagram", "en": "Bar chart"},
    "and_": {"sv": "och", "en": "and"},
    "role.chair": {"sv": "Ordförande", "en": "Chair"},
    "role.vice_chair": {"sv": "Vice ordförande", "en": "Vice chair"},
    "role.secretary": {"sv": "Sekreterare", "en": "Secretary"},
    "role.adjuster": {"sv": "Justerare", "en": "Adjuster"},
    "role.member": {"sv": "Ledamot", "en": "Member"},
    "role.deputy": {"sv": "Ersättare", "en": "Deputy"},
    "role.officer": {"sv": "Tjänsteperson", "en": "Officer"},
    "role.guest": {"sv": "Gäst", "en": "Guest"},
}

MONTHS: dict[Language, tuple[str, ...]] = {
    "sv": (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def label(key: str, language: Language) -> str:
    """The label ``key`` in ``language``; a missing key is a bug, so it raises KeyError."""
    return LABELS[key][language]


def long_date(date: dt.date | str, language: Language) -> str:
    """``14 juni 2022`` / ``14 June 2022``: how a date is written in running text."""
    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


# The statuses of a meeting not (yet) held: its page is a notice (a kallelse, a cancellation),
# not minutes, and it numbers no paragraphs.
NOT_HELD = ("planned", "cancelled")


def document(kind: str, status: str | None) -> str:
    """The label key of what a meeting's page is: its kind of minutes, a kallelse, or a notice.

    A planned meeting's page is its kallelse; a cancelled one's says so.
    """
    return status if status in NOT_HELD else kind


def title(
    kind: str,
    date: dt.date | str,
    body: str,
    language: Language,
    organisation: str | None = None,
) -> str:
    """The title of a meeting's minutes, wherever they are named (page, PDF, archive, feed).

    ``Protokoll 1 februari 2024 – Kommunstyrelsen – Provkommunen``: every kommun has a
    kommunstyrelse, so the organisation is named too, unless the body's name says it.
    """
    named = f"{label(kind, language)} {long_date(date, language)} – {body}"
    if organisation and organisation.casefold() not in body.casefold():
        named += f" – {organisation}"
    return named
