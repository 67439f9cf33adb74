"""The archive's words: index pages, navigation, search, topic pages, feeds.

Part of :data:`minutebook.meeting.labels.LABELS`, in Swedish and English, kept apart only
for its length.
"""

from __future__ import annotations

from typing import Literal

ARCHIVE_LABELS: dict[str, dict[Literal["sv", "en"], str]] = {
    # the archive: index pages, navigation, search, feed
    "archive": {"sv": "Mötesarkiv", "en": "Meeting archive"},
    "archive_intro": {
        "sv": "Protokoll och mötesanteckningar, nyaste först.",
        "en": "Minutes and meeting notes, newest first.",
    },
    "all_meetings": {"sv": "Alla möten", "en": "All meetings"},
    "series_meetings": {"sv": "Alla möten i {body}", "en": "All meetings of {body}"},
    "all_years": {"sv": "Alla år", "en": "All years"},
    "year_meetings": {"sv": "{body}: möten {year}", "en": "{body}: meetings in {year}"},
    "decisions_year_title": {"sv": "{body}: beslut {year}", "en": "{body}: decisions in {year}"},
    "previous": {"sv": "Föregående möte", "en": "Previous meeting"},
    "next": {"sv": "Nästa möte", "en": "Next meeting"},
    "meeting_nav": {"sv": "Mötesnavigering", "en": "Meeting navigation"},
    "kind": {"sv": "Typ", "en": "Kind"},
    "formats": {"sv": "Format", "en": "Formats"},
    "web_page": {"sv": "Webbsida", "en": "Web page"},
    "draft_tag": {"sv": "Utkast", "en": "Draft"},
    "no_meetings": {"sv": "Inga möten ännu.", "en": "No meetings yet."},
    "search": {"sv": "Sök", "en": "Search"},
    "search_label": {"sv": "Sök i alla möten", "en": "Search all meetings"},
    "search_results": {"sv": "Sökresultat", "en": "Search results"},
    "search_hit": {"sv": "1 träff för ”{q}”", "en": "1 result for “{q}”"},
    "search_hits": {"sv": "{n} träffar för ”{q}”", "en": "{n} results for “{q}”"},
    "search_count": {"sv": "{n} träffar", "en": "{n} results"},
    "search_none_here": {"sv": "Inga träffar.", "en": "No results."},
    "search_count_one": {"sv": "1 träff", "en": "1 result"},
    "search_none": {"sv": "Inga träffar för ”{q}”.", "en": "No results for “{q}”."},
    "search_short": {
        "sv": "Skriv ord med minst tre tecken: kortare ord och partiförkortningar söks inte.",
        "en": "Type words of three characters or more: shorter words and party letters "
        "are not searched.",
    },
    "search_in_body": {"sv": "Sök i {body}", "en": "Search {body}"},
    "search_filters": {"sv": "Avgränsa", "en": "Narrow down"},
    "search_body": {"sv": "Organ", "en": "Body"},
    "search_year": {"sv": "År", "en": "Year"},
    "search_status": {"sv": "Status", "en": "Status"},
    "search_language": {"sv": "Språk", "en": "Language"},
    "search_sort": {"sv": "Ordning", "en": "Order"},
    "search_any": {"sv": "Alla", "en": "All"},
    "sort_relevance": {"sv": "Bästa träff först", "en": "Best match first"},
    "sort_newest": {"sv": "Nyaste först", "en": "Newest first"},
    "sort_oldest": {"sv": "Äldsta först", "en": "Oldest first"},
    "status_final": {"sv": "Justerade och fastställda", "en": "Approved"},
    "status_draft": {"sv": "Utkast", "en": "Drafts"},
    "language_sv": {"sv": "Svenska", "en": "Swedish"},
    "language_en": {"sv": "Engelska", "en": "English"},
    "language_in_sv": {"sv": "svenska", "en": "Swedish"},  # in running text
    "language_in_en": {"sv": "engelska", "en": "English"},
    "search_more": {"sv": "Visa fler träffar", "en": "Show more results"},
    "search_shown": {"sv": "Visar {shown} av {n}.", "en": "Showing {shown} of {n}."},
    "search_decision": {"sv": "Beslut", "en": "Decision"},
    "search_other_language": {
        "sv": "{n} träffar på {language}.",
        "en": "{n} results in {language}.",
    },
    "search_switched": {
        "sv": "Inga träffar på {asked}; här är {n} på {language}.",
        "en": "No results in {asked}; here are {n} in {language}.",
    },
    "search_offline": {
        "sv": "Sökningen fungerar när arkivet visas från en webbserver, till exempel med "
        "kommandot minutebook serve.",
        "en": "Search works when the archive is served by a web server, for example with "
        "the command minutebook serve.",
    },
    "decisions_title": {"sv": "Beslut – {body}", "en": "Decisions – {body}"},
    "decisions_link": {"sv": "Alla beslut per år", "en": "Every decision by year"},
    "decisions_intro": {
        "sv": "Varje beslut i protokoll och anteckningar, nyaste mötet först.",
        "en": "Every decision in the minutes, newest meeting first.",
    },
    "no_decisions": {"sv": "Inga beslut ännu.", "en": "No decisions yet."},
    "actions_title": {"sv": "Åtgärder – {body}", "en": "Action items – {body}"},
    "actions_link": {"sv": "Åtgärder och hur det gått", "en": "Action items and their progress"},
    "actions_intro": {
        "sv": "Varje åtgärd med dess senaste läge, öppna först. Historiken visar varje möte "
        "där åtgärden togs upp.",
        "en": "Every action item with its latest state, open ones first. Its history lists "
        "each meeting that recorded it.",
    },
    "action_open": {"sv": "Pågår", "en": "Open"},
    "action_history": {"sv": "Historik", "en": "History"},
    "no_actions": {"sv": "Inga åtgärder ännu.", "en": "No action items yet."},
    "cases_title": {"sv": "Ärenden", "en": "Cases"},
    "cases_link": {"sv": "Ärenden (diarienummer)", "en": "Cases (reference numbers)"},
    "cases_intro": {
        "sv": "Varje diarienummer i protokollen, med de möten och organ där ärendet behandlats.",
        "en": "Every case reference in the minutes, with the meetings and bodies that handled it.",
    },
    "case_title": {"sv": "Ärende {case}", "en": "Case {case}"},
    "case_count": {"sv": "{n} behandlingar", "en": "handled {n} times"},
    "case_count_one": {"sv": "1 behandling", "en": "handled once"},
    "feed": {"sv": "Prenumerera (Atom)", "en": "Subscribe (Atom)"},
    "licence": {"sv": "Licens", "en": "Licence"},
    "permalink": {"sv": "Länk till {what}", "en": "Link to {what}"},
    "open_data": {"sv": "Alla beslut som data", "en": "Every decision as data"},
}
