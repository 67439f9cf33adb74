"""What ``check``, ``new``, ``template``, ``sign`` and ``verify`` tell the secretary."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- minutebook check ---------------------------------------------------------------
    "check.warning": {"en": "warning: ", "sv": "varning: "},
    "check.note": {"en": "note: ", "sv": "notering: "},
    "check.summary": {
        "en": "{checked}: {valid}, {bad}, {warnings}{notes}",
        "sv": "{checked}: {valid}, {bad}, {warnings}{notes}",
    },
    "check.checked.one": {"en": "1 checked", "sv": "1 fil kontrollerad"},
    "check.checked.other": {"en": "{n} checked", "sv": "{n} filer kontrollerade"},
    "check.valid.one": {"en": "1 valid", "sv": "1 giltig"},
    "check.valid.other": {"en": "{n} valid", "sv": "{n} giltiga"},
    "check.bad.one": {"en": "1 with errors", "sv": "1 med fel"},
    "check.bad.other": {"en": "{n} with errors", "sv": "{n} med fel"},
    "check.warnings.one": {"en": "1 warning", "sv": "1 varning"},
    "check.warnings.other": {"en": "{n} warnings", "sv": "{n} varningar"},
    "check.notes.one": {"en": ", 1 note", "sv": ", 1 notering"},
    "check.notes.other": {"en": ", {n} notes", "sv": ", {n} noteringar"},
    "check.no_files": {
        "en": "no meeting files under params/",
        "sv": "inga mötesfiler under params/",
    },
    "check.internal": {"en": "internal error: {name}", "sv": "internt fel: {name}"},
    # -- minutebook new ------------------------------------------------------------------
    "new.need_date": {
        "en": "give the new meeting's date: .venv/bin/minutebook new {series} --date {date}{why}",
        "sv": "ange det nya mötets datum: .venv/bin/minutebook new {series} --date {date}{why}",
    },
    "new.why_next": {
        "en": " (the date the last meeting set for the next one)",
        "sv": " (datumet som förra mötet satte för nästa)",
    },
    "new.why_weeks": {
        "en": " (the same weekday four weeks after the last meeting)",
        "sv": " (samma veckodag fyra veckor efter förra mötet)",
    },
    "new.no_date": {"en": "YYYY-MM-DD", "sv": "ÅÅÅÅ-MM-DD"},
    "new.ask_date": {
        "en": "Date of the new meeting of {series} [{date}]: ",
        "sv": "Datum för {series} nya möte [{date}]: ",
    },
    "new.bad_date": {
        "en": "{text!r} is not a date like 2024-03-12",
        "sv": "{text!r} är inget datum som 2024-03-12",
    },
    "new.wrote": {
        "en": "wrote {path}: fill it in, then run `.venv/bin/minutebook check {path}`",
        "sv": "skrev {path}: fyll i den och kör sedan `.venv/bin/minutebook check {path}`",
    },
    # -- check's warnings: likely slips in a valid file (minutebook.secretary.check) ------
    "warn.stranger": {
        "en": "{name!r} is not among the participants",
        "sv": "{name!r} finns inte bland deltagarna",
    },
    "warn.stranger_near": {
        "en": "{name!r} is not among the participants (did you mean {near!r}?)",
        "sv": "{name!r} finns inte bland deltagarna (menade du {near!r}?)",
    },
    "warn.hard_space_name": {
        "en": "{name!r} is written with a no-break space (U+00A0, as Word writes), the "
        "participant with an ordinary one: delete the space and type it again",
        "sv": "{name!r} är skrivet med ett hårt mellanslag (U+00A0, som Word skriver), "
        "deltagaren med ett vanligt: radera mellanslaget och skriv det igen",
    },
    "warn.stray_quote": {
        "en": 'a lone " is published as it stands: remove it, or put the whole text in '
        "quotes: {key}: {value}",
        "sv": 'ett ensamt " publiceras som det står: ta bort det, eller sätt hela texten inom '
        "citattecken: {key}: {value}",
    },
    "warn.no_owner": {
        "en": "the action item has no owner: fill in owner",
        "sv": "åtgärden har ingen ansvarig: fyll i owner",
    },
    "warn.no_due": {
        "en": "the action item has no due date: fill in due",
        "sv": "åtgärden har inget slutdatum: fyll i due",
    },
    "warn.due_before": {
        "en": "{due} is before the meeting ({date})",
        "sv": "{due} är före mötet ({date})",
    },
    "warn.still_planned": {
        "en": "the meeting was to be held on {date}: once it has been, set status: draft "
        "(or cancelled, if it was not)",
        "sv": "mötet skulle hållas {date}: när det har hållits, skriv status: utkast "
        "(eller inställt, om det inte blev av)",
    },
    "warn.recused_voted": {
        "en": "{name!r} is recused from this item but voted",
        "sv": "{name!r} är jävig i ärendet men röstade",
    },
    "warn.too_many_votes.one": {
        "en": "{counted} votes, but 1 member is serving",
        "sv": "{counted} röster, men 1 ledamot tjänstgör",
    },
    "warn.too_many_votes.other": {
        "en": "{counted} votes, but {n} members are serving",
        "sv": "{counted} röster, men {n} ledamöter tjänstgör",
    },
    "warn.roll_call_names": {
        "en": "a roll call without the names of those who voted",
        "sv": "en omröstning med namnupprop utan namnen på dem som röstade",
    },
    "warn.tabled_decided": {
        "en": "the item is tabled, yet has decisions",
        "sv": "ärendet är bordlagt men har beslut",
    },
    "warn.planned_decided": {
        "en": "the meeting is planned, yet the item has {key}: the kallelse leaves them out; "
        "once the meeting is held, set status: draft",
        "sv": "mötet är planerat men punkten har {key}: kallelsen tar inte med dem; när mötet "
        "har hållits, skriv status: utkast",
    },
    "warn.no_adjusters": {
        "en": "a protocol without adjusters: fill in adjusters: [name, …]",
        "sv": "ett protokoll utan justerare: fyll i adjusters: [namn, …]",
    },
    "warn.no_adjustment": {
        "en": "a protocol without adjustment (where and when it is justerat): fill in "
        "adjustment or adjusted_on",
        "sv": "ett protokoll utan uppgift om justeringen (var och när): fyll i adjustment "
        "eller adjusted_on",
    },
    # -- the public version of a confidential meeting (minutebook.meeting.redact) ---------
    "public.replaced": {
        "en": "{found!r} is published as {shown!r}",
        "sv": "{found!r} publiceras som {shown!r}",
    },
    "public.organisation": {
        "en": "{organisation!r} is the organisation of a withheld participant: it may "
        "identify them",
        "sv": "{organisation!r} är organisationen för en deltagare vars namn inte publiceras "
        "och kan röja vem det är",
    },
    "public.ambiguous": {
        "en": "{text!r} is part of a withheld name and of a published one; write the name in full",
        "sv": "{text!r} ingår både i ett namn som inte publiceras och i ett som publiceras; "
        "skriv ut hela namnet",
    },
    "public.twins": {
        "en": "{name!r} is withheld, and a participant whose name is published has the same "
        "name: the public version cannot tell them apart",
        "sv": "{name!r} publiceras inte, men en deltagare vars namn publiceras heter likadant: "
        "den offentliga versionen kan inte skilja dem åt",
    },
    "public.in_address": {
        "en": "the address {address!r} contains the withheld name {name!r}; addresses are "
        "published as written, so change it",
        "sv": "adressen {address!r} innehåller namnet {name!r}, som inte publiceras; adresser "
        "publiceras som de är skrivna, så ändra den",
    },
    "public.in_link": {
        "en": "the link {address!r} contains the withheld name {name!r}; links are published "
        "as written, so change it",
        "sv": "länken {address!r} innehåller namnet {name!r}, som inte publiceras; länkar "
        "publiceras som de är skrivna, så ändra den",
    },
    "public.in_file_name": {
        "en": "the file name {address!r} contains the withheld name {name!r}; file names are "
        "published as written, so change it",
        "sv": "filnamnet {address!r} innehåller namnet {name!r}, som inte publiceras; filnamn "
        "publiceras som de är skrivna, så ändra det",
    },
    "public.in_data": {
        "en": "the data file {file} contains the withheld name {name!r}; the template would "
        "publish it",
        "sv": "datafilen {file} innehåller namnet {name!r}, som inte publiceras; mallen skulle "
        "publicera det",
    },
    # -- series and numbering (minutebook.meeting.series, .protocol) ----------------------
    "series.not_mapping": {
        "en": "expected a mapping of series settings, got {got}",
        "sv": "väntade seriens inställningar (nyckel: värde), fick {got}",
    },
    "series.numbering_broken": {
        "en": "{file}: its § numbers continue from {previous}, which has errors; fix that "
        "file, or set first_paragraph",
        "sv": "{file}: dess paragrafnummer fortsätter från {previous}, som har fel; rätta den "
        "filen, eller ange first_paragraph",
    },
    "series.bad_name": {
        "en": "{series!r} is not a series name: use lowercase letters, digits and hyphens",
        "sv": "{series!r} är inget namn på en serie: använd små bokstäver, siffror och bindestreck",
    },
    # -- new and template (minutebook.secretary.new, .template) ---------------------------
    "new.exists": {
        "en": "{path} exists already; it is left as it is",
        "sv": "{path} finns redan; den lämnas som den är",
    },
    "new.previous_not_mapping": {
        "en": "the previous meeting file is not a mapping of meeting keys",
        "sv": "den förra mötesfilen består inte av mötets nycklar (nyckel: värde)",
    },
    "new.placeholder": {
        "en": "fill in the notes, or delete the line until there are any: it still says "
        "{text!r}, the text a new file starts with",
        "sv": "fyll i anteckningarna, eller ta bort raden tills det finns några: här står "
        "fortfarande {text!r}, texten som står där från början",
    },
    "template.wrote": {
        "en": "wrote {path}: open it in JupyterLab (make lab) to add sections",
        "sv": "skrev {path}: öppna den i JupyterLab (make lab) för att lägga till avsnitt",
    },
    "template.sample": {
        "en": "{series} has no meeting yet: the template shows {path}, a sample meeting that "
        "is never published",
        "sv": "{series} har inget möte ännu: mallen visar {path}, ett exempelmöte som aldrig "
        "publiceras",
    },
    "template.missing_default": {
        "en": "{path} is missing: nothing to copy",
        "sv": "{path} saknas: inget att kopiera",
    },
    # -- justering (minutebook.secretary.justering) ---------------------------------------
    "sign.give_passphrase": {
        "en": "{key}: give its passphrase with --passphrase-file FILE",
        "sv": "{key}: ange lösenfrasen med --passphrase-file FIL",
    },
    "sign.ask_passphrase": {"en": "Passphrase for {key}: ", "sv": "Lösenfras för {key}: "},
    "sign.only_final": {
        "en": "{file}: only final minutes are signed (status: {status})",
        "sv": "{file}: bara slutliga protokoll skrivs under (status: {status})",
    },
    "sign.build_first": {
        "en": "{file}: build it first (.venv/bin/minutebook build {file}): what is signed is "
        "the published minutes.pdf",
        "sv": "{file}: bygg det först (.venv/bin/minutebook build {file}): det som skrivs "
        "under är den publicerade minutes.pdf",
    },
    "sign.stranger": {
        "en": "{file}: the certificate is {subject!r}, who is not among the participants: "
        "say who signs with --as NAME",
        "sv": "{file}: certifikatet är utfärdat för {subject!r}, som inte finns bland "
        "deltagarna: ange vem som skriver under med --as NAMN",
    },
    "sign.not_allowed": {
        "en": "{file}: {name} is neither the chair nor an adjuster, nor a role the series' "
        "signatures name: only they sign the minutes",
        "sv": "{file}: {name} är varken ordförande eller justerare, eller har en roll som "
        "seriens signatures nämner: bara de skriver under protokollet",
    },
    "sign.already": {
        "en": "{file}: {name} has signed these minutes already",
        "sv": "{file}: {name} har redan skrivit under protokollet",
    },
    "sign.signed": {
        "en": "signed {path} as {name} ({role})",
        "sv": "skrev under {path} som {name} ({role})",
    },
    "sign.still_to_sign": {
        "en": "still to sign: {names}",
        "sv": "ska fortfarande skriva under: {names}",
    },
    "sign.everyone": {
        "en": "justerat: everyone has signed",
        "sv": "justerat: alla har skrivit under",
    },
    "verify.none": {"en": "{path}: no signatures", "sv": "{path}: inga underskrifter"},
    "verify.line": {
        "en": "{field}: {signer}, signed {when}: {intact}, {unchanged}, {trust}",
        "sv": "{field}: {signer}, undertecknat {when}: {intact}, {unchanged}, {trust}",
    },
    "verify.no_time": {"en": "no time given", "sv": "ingen tid angiven"},
    "verify.intact": {"en": "intact", "sv": "intakt"},
    "verify.broken": {"en": "BROKEN", "sv": "TRASIG"},
    "verify.unchanged": {"en": "unchanged since", "sv": "oförändrad sedan dess"},
    "verify.changed": {"en": "CHANGED AFTER SIGNING", "sv": "ÄNDRAD EFTER UNDERSKRIFT"},
    "verify.trust_unchecked": {
        "en": "trust not checked (give --trust)",
        "sv": "tilliten inte kontrollerad (ange --trust)",
    },
    "verify.trusted": {"en": "trusted", "sv": "betrodd"},
    "verify.untrusted": {"en": "NOT TRUSTED", "sv": "INTE BETRODD"},
    # -- check --a11y (minutebook.secretary.a11y) -----------------------------------------
    "a11y.summary.one": {"en": "accessibility: 1 problem", "sv": "tillgänglighet: 1 problem"},
    "a11y.summary.other": {
        "en": "accessibility: {n} problems",
        "sv": "tillgänglighet: {n} problem",
    },
    "a11y.not_built": {
        "en": "{folder}/: not built yet; run `.venv/bin/minutebook build`",
        "sv": "{folder}/: inte byggd ännu; kör `.venv/bin/minutebook build`",
    },
    "a11y.untagged": {
        "en": "not tagged: no structure tree",
        "sv": "inte taggad: inget strukturträd",
    },
    "a11y.lang": {
        "en": "/Lang is {found!r}, not {wanted!r}",
        "sv": "/Lang är {found!r}, inte {wanted!r}",
    },
    "a11y.title": {
        "en": "/Title is {found!r}, not {wanted!r}",
        "sv": "/Title är {found!r}, inte {wanted!r}",
    },
    "a11y.display_title": {
        "en": "/DisplayDocTitle is not set: viewers show the file name",
        "sv": "/DisplayDocTitle är inte satt: läsprogram visar filnamnet",
    },
    "a11y.bookmark": {
        "en": "no bookmark for the item {title!r}",
        "sv": "inget bokmärke för punkten {title!r}",
    },
    "a11y.font": {"en": "font {name} is not embedded", "sv": "typsnittet {name} är inte inbäddat"},
    # -- anywhere ------------------------------------------------------------------------
    "os.ENOENT": {"en": "no such file or folder", "sv": "filen eller mappen finns inte"},
    "os.EISDIR": {"en": "it is a folder, not a file", "sv": "det är en mapp, inte en fil"},
    "os.ENOTDIR": {
        "en": "a part of the path is not a folder",
        "sv": "en del av sökvägen är ingen mapp",
    },
    "os.EACCES": {"en": "permission denied", "sv": "behörighet saknas"},
    "os.EPERM": {"en": "not permitted", "sv": "inte tillåtet"},
    "os.ENOSPC": {"en": "the disk is full", "sv": "disken är full"},
    "os.EROFS": {"en": "the disk is read-only", "sv": "disken är skrivskyddad"},
    "os.EADDRINUSE": {"en": "the port is in use", "sv": "porten används redan"},
    "file.cannot_read": {
        "en": "cannot read {path}: {error}",
        "sv": "kan inte läsa {path}: {error}",
    },
    "settings.today": {
        "en": "MINUTEBOOK_TODAY={value!r} is not a date like 2024-03-12",
        "sv": "MINUTEBOOK_TODAY={value!r} är inget datum som 2024-03-12",
    },
}
