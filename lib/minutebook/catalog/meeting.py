"""What is wrong in a meeting file or a series' settings, and how to say where."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- YAML written wrong (minutebook.meeting.syntax) -----------------------------------
    "yaml.tab": {
        "en": "a tab character on line {line}: indent with spaces",
        "sv": "tabbtecken på rad {line}: använd mellanslag för indrag",
    },
    "yaml.indent": {
        "en": "{key} starts in column {column}, but {other} on line {other_line} above starts "
        "in column {expected}: line them up, with the same number of spaces before each",
        "sv": "{key} börjar i kolumn {column}, men {other} på rad {other_line} ovanför börjar "
        "i kolumn {expected}: rada upp dem, med lika många mellanslag före",
    },
    "yaml.indent_line": {
        "en": "line {line} is indented differently from the lines around it: line it up "
        "with the key it belongs beside",
        "sv": "rad {line} är indragen annorlunda än raderna omkring: rada upp den med "
        "nyckeln den hör ihop med",
    },
    "yaml.block_indent": {
        "en": "line {line} starts further left than the text above it (column {expected}, "
        "as on line {first}): every line of a text after | must start at least that far in",
        "sv": "rad {line} börjar längre till vänster än texten ovanför (kolumn {expected}, "
        "som på rad {first}): varje rad i en text efter | måste börja minst så långt in",
    },
    "yaml.two_documents": {
        "en": "line {line}: a second document starts here (---), but a meeting file holds "
        "one meeting: remove the line, or move the second meeting to a file of its own",
        "sv": "rad {line}: ett andra dokument börjar här (---), men en mötesfil rymmer ett "
        "möte: ta bort raden, eller flytta det andra mötet till en egen fil",
    },
    "yaml.hard_space": {
        "en": "line {line} has a no-break space (as Word writes, U+00A0) where YAML needs a "
        "plain one: delete it and type an ordinary space",
        "sv": "rad {line} har ett hårt mellanslag (som Word skriver, U+00A0) där YAML behöver "
        "ett vanligt: radera det och skriv ett vanligt mellanslag",
    },
    "yaml.comment_cut": {
        "en": "the text stops before {comment}: after a space, # starts a comment. If it "
        "belongs to the text, put the text in quotes: {key}: {value}",
        "sv": "texten slutar före {comment}: efter ett mellanslag inleder # en kommentar. Hör "
        "det till texten, sätt texten inom citattecken: {key}: {value}",
    },
    "yaml.heading_as_comment": {
        "en": "{heading} on the line of notes: is read as a comment and left out: write "
        "notes: | and the notes, the heading too, on the lines below",
        "sv": "{heading} på raden med notes: läses som en kommentar och kommer inte med: "
        "skriv notes: | och anteckningarna, rubriken också, på raderna under",
    },
    "yaml.missing_comma": {
        "en": "a comma is missing before {key}: write {fixed}",
        "sv": "det saknas ett kommatecken före {key}: skriv {fixed}",
    },
    "yaml.needs_bar": {
        "en": "{key}: a text on the lines below its key needs | after the colon: {key}: |",
        "sv": "{key}: en text på raderna under nyckeln behöver | efter kolonet: {key}: |",
    },
    "yaml.no_space": {
        "en": "{key}: put a space after the colon: {key}: {value}",
        "sv": "{key}: sätt ett mellanslag efter kolonet: {key}: {value}",
    },
    "yaml.colon_in_value": {
        "en": "{key}: the text has a colon in it: put the text in quotes: {key}: {value}",
        "sv": "{key}: texten innehåller ett kolon: sätt texten inom citattecken: {key}: {value}",
    },
    "yaml.special_start": {
        "en": "{key}: a text that starts with {char} must be in quotes: {key}: {value}",
        "sv": "{key}: en text som börjar med {char} måste stå inom citattecken: {key}: {value}",
    },
    "yaml.unclosed_quote": {
        "en": "line {line}: the quote that starts here is never closed: end the text with {quote}",
        "sv": "rad {line}: citattecknet som börjar här avslutas aldrig: avsluta texten med {quote}",
    },
    "yaml.unclosed_bracket": {
        "en": "line {line}: the {bracket} that opens here is never closed: end it with {closer}",
        "sv": "rad {line}: {bracket} som öppnas här stängs aldrig: avsluta med {closer}",
    },
    "yaml.dash": {
        "en": "line {line}: put a space after the dash: - {rest}",
        "sv": "rad {line}: sätt ett mellanslag efter strecket: - {rest}",
    },
    "yaml.other": {
        "en": "the file cannot be read as YAML here ({detail})",
        "sv": "filen går inte att läsa som YAML här ({detail})",
    },
    "yaml.tag": {
        "en": "the tag {tag} is not allowed (a text that starts with ! goes in quotes)",
        "sv": "taggen {tag} är inte tillåten (en text som börjar med ! ska stå inom citattecken)",
    },
    "yaml.plain_keys": {
        "en": "keys must be plain words (no merge keys << or lists)",
        "sv": "nycklar ska vara vanliga ord (inga <<-nycklar eller listor)",
    },
    "yaml.duplicate": {
        "en": "duplicate key (first at line {line}): remove one of them",
        "sv": "nyckeln står två gånger (första gången på rad {line}): ta bort den ena",
    },
    "yaml.control": {
        "en": "contains the control character U+{code}, which cannot be published; remove it",
        "sv": "innehåller styrtecknet U+{code}, som inte kan publiceras; ta bort det",
    },
    "yaml.bad_date": {
        "en": "{value!r} is not a date that exists (year-month-day, like 2024-09-10)",
        "sv": "{value!r} är inget datum som finns (år-månad-dag, som 2024-09-10)",
    },
    "yaml.bad_scalar": {
        "en": "{value!r} is not a valid {tag}",
        "sv": "{value!r} är inget giltigt {tag}",
    },
    "yaml.unreadable": {
        "en": "cannot read the file: {error}",
        "sv": "filen går inte att läsa: {error}",
    },
    "yaml.too_large": {
        "en": "the file is larger than {size} KiB; is it a meeting file?",
        "sv": "filen är större än {size} KiB; är det en mötesfil?",
    },
    "yaml.not_utf8": {
        "en": "not UTF-8 text; save the file as UTF-8",
        "sv": "inte UTF-8-text; spara filen som UTF-8",
    },
    "yaml.too_deep": {
        "en": "nested more than {depth} levels deep",
        "sv": "nästlad mer än {depth} nivåer djupt",
    },
    "yaml.too_many": {
        "en": "more than {count} values (anchors and aliases expanded)",
        "sv": "mer än {count} värden (ankare och alias utvidgade)",
    },
    # -- where a problem is, as a person counts (minutebook.meeting.messages.place) -------
    "where.items": {"en": "item {n}", "sv": "punkt {n}"},
    "where.participants": {"en": "participant {n}", "sv": "deltagare {n}"},
    "where.decisions": {"en": "decision {n}", "sv": "beslut {n}"},
    "where.actions": {"en": "action {n}", "sv": "åtgärd {n}"},
    "where.votes": {"en": "vote {n}", "sv": "omröstning {n}"},
    "where.proposals": {"en": "proposal {n}", "sv": "yrkande {n}"},
    "where.documents": {"en": "document {n}", "sv": "handling {n}"},
    "where.attachments": {"en": "attachment {n}", "sv": "bilaga {n}"},
    "where.corrections": {"en": "correction {n}", "sv": "rättelse {n}"},
    "where.statements": {"en": "statement {n}", "sv": "protokollsanteckning {n}"},
    "where.links": {"en": "link {n}", "sv": "länk {n}"},
    "where.other": {"en": "{key} no. {n}", "sv": "{key} nr {n}"},
    # -- what the format expects (minutebook.meeting.messages) ----------------------------
    "model.unknown_key_near": {
        "en": "unknown key (did you mean {near!r}?)",
        "sv": "okänd nyckel (menade du {near!r}?)",
    },
    "model.unknown_key": {
        "en": "unknown key (known keys: {known})",
        "sv": "okänd nyckel (kända nycklar: {known})",
    },
    "model.no_space": {
        "en": "put a space after the colon: {key}: {value}",
        "sv": "sätt ett mellanslag efter kolonet: {key}: {value}",
    },
    "model.swedish_key": {
        "en": "unknown key: the keys are English words: write {near}",
        "sv": "okänd nyckel: nycklarna är engelska ord: skriv {near}",
    },
    "model.missing": {
        "en": "required key is missing",
        "sv": "saknas och måste fyllas i",
    },
    "model.fill_in": {"en": "empty: fill in {what}", "sv": "tomt: fyll i {what}"},
    "model.too_short": {"en": "needs at least one entry", "sv": "behöver minst en post"},
    "model.empty": {"en": "must not be empty", "sv": "får inte vara tom"},
    "model.one_of": {
        "en": "expected one of {expected}, got {got}",
        "sv": "förväntade ett av {expected}, fick {got}",
    },
    "model.at_least": {"en": "must be at least {limit}", "sv": "måste vara minst {limit}"},
    "model.expected": {"en": "expected {what}, got {got}", "sv": "förväntade {what}, fick {got}"},
    "model.write_list": {
        "en": "expected {what}, got {got}: write a list: {key}: [{value}]",
        "sv": "förväntade {what}, fick {got}: skriv en lista: {key}: [{value}]",
    },
    "model.comma_in_value": {
        "en": "the text has a comma in it, which ends a value inside {{…}}: put the text in "
        "quotes: {key}: {value}",
        "sv": "texten innehåller ett kommatecken, som avslutar ett värde inom {{…}}: sätt "
        "texten inom citattecken: {key}: {value}",
    },
    "model.decision": {
        "en": "expected a decision text or {{text: …, reservations: […]}}, got {got}",
        "sv": "förväntade en beslutstext eller {{text: …, reservations: […]}}, fick {got}",
    },
    "model.not_mapping": {
        "en": "expected a mapping of meeting keys (series, body, …), got {got}",
        "sv": "förväntade mötets nycklar (series, body, …), fick {got}",
    },
    "model.empty_file": {"en": "an empty file", "sv": "en tom fil"},
    "or": {"en": "or", "sv": "eller"},
    # what a value is, in the words of the YAML a secretary wrote
    "value.none": {"en": "nothing (an empty value)", "sv": "ingenting (ett tomt värde)"},
    "value.number": {"en": "a number", "sv": "ett tal"},
    "value.datetime": {"en": "a date and time", "sv": "ett datum med klockslag"},
    "value.date": {"en": "a date", "sv": "ett datum"},
    "value.text": {"en": "the text {text!r}", "sv": "texten {text!r}"},
    "value.empty_text": {"en": "empty text", "sv": "tom text"},
    "value.list": {"en": "a list", "sv": "en lista"},
    "value.mapping": {"en": "a mapping", "sv": "nycklar med värden"},
    # what a field expects
    "expect.names": {"en": "a list of names", "sv": "en lista med namn"},
    "expect.participants": {"en": "a list of participants", "sv": "en lista med deltagare"},
    "expect.items": {"en": "a list of agenda items", "sv": "en lista med punkter"},
    "expect.decisions": {"en": "a list of decisions", "sv": "en lista med beslut"},
    "expect.actions": {"en": "a list of action items", "sv": "en lista med åtgärder"},
    "expect.attachments": {"en": "a list of attachments", "sv": "en lista med bilagor"},
    "expect.corrections": {"en": "a list of corrections", "sv": "en lista med rättelser"},
    "expect.confidential": {
        "en": 'true or a reason such as "OSL 26:1"',
        "sv": 'true eller ett skäl, som "OSL 26:1"',
    },
    "expect.time_span": {
        "en": 'a mapping like {{start: "13:00", end: "15:00"}}',
        "sv": 'start och slut som {{start: "13:00", end: "15:00"}}',
    },
    "expect.number": {
        "en": 'text in quotes, like "3.10" (unquoted, 3.10 is the number 3.1)',
        "sv": 'text inom citattecken, som "3.10" (utan citattecken är 3.10 talet 3,1)',
    },
    "expect.series": {
        "en": "a short name of lowercase letters, digits and hyphens (like umebra)",
        "sv": "ett kort namn av små bokstäver, siffror och bindestreck (som umebra)",
    },
    "expect.source": {
        "en": "a web address starting with https:// or http://",
        "sv": "en webbadress som börjar med https:// eller http://",
    },
    "expect.text": {"en": "text", "sv": "text"},
    "expect.bool": {"en": "true or false", "sv": "true eller false (ja eller nej)"},
    "expect.int": {"en": "a whole number", "sv": "ett heltal"},
    "expect.date": {"en": "a date like 2022-06-14", "sv": "ett datum som 2022-06-14"},
    "expect.date_only": {
        "en": "a date like 2022-06-14 (without a time)",
        "sv": "ett datum som 2022-06-14 (utan klockslag)",
    },
    "expect.time": {"en": 'a time like "13:00"', "sv": 'ett klockslag som "13:00"'},
    "expect.mapping": {
        "en": "a mapping (key: value)",
        "sv": "nycklar med värden (nyckel: värde)",
    },
    "expect.list": {"en": "a list", "sv": "en lista"},
    # -- the format's own rules (the models' validators) --------------------------------
    "rule.unanimous": {
        "en": "a unanimous decision has no reservations",
        "sv": "ett enhälligt beslut har inga reservationer",
    },
    "rule.outcome": {
        "en": "proposal {id}: outcome {outcome!r}, but the votes say {want!r}",
        "sv": "yrkande {id}: utfall {outcome!r}, men omröstningen säger {want!r}",
    },
    "rule.end_before_start": {"en": "end is before start", "sv": "slutet är före början"},
    "rule.attendance_and_present": {
        "en": "give attendance or present, not both (present: false is attendance: absent)",
        "sv": "ange attendance eller present, inte båda (present: false är attendance: absent)",
    },
    "rule.href": {
        "en": "must be an https:// URL or a relative path",
        "sv": "måste vara en https://-adress eller en relativ sökväg",
    },
    "rule.inside": {
        "en": "a relative path must stay inside the series folder",
        "sv": "en relativ sökväg måste stanna inom seriens mapp",
    },
    "rule.data_path": {
        "en": "must be a relative path to a file in the series folder",
        "sv": "måste vara en relativ sökväg till en fil i seriens mapp",
    },
    "rule.data_kind": {
        "en": "must be a .csv or .xlsx file",
        "sv": "måste vara en .csv- eller .xlsx-fil",
    },
    "rule.encoding": {
        "en": "unknown encoding {name!r} (utf-8, cp1252, latin-1 …)",
        "sv": "okänd teckenkodning {name!r} (utf-8, cp1252, latin-1 …)",
    },
    "rule.secret_ballot": {
        "en": "a ballot is secret: give counts, not names",
        "sv": "en sluten omröstning är hemlig: ange antal, inte namn",
    },
    # -- the file's name and place, its files (minutebook.meeting.read) -------------------
    "file.date_mismatch_other": {
        "en": "{date} does not match the file name {name!r}; {other} is another meeting: "
        "correct the date",
        "sv": "{date} stämmer inte med filnamnet {name!r}; {other} är ett annat möte: "
        "rätta datumet",
    },
    "file.date_mismatch": {
        "en": "{date} does not match the file name {name!r}; rename the file {other}",
        "sv": "{date} stämmer inte med filnamnet {name!r}; byt namn på filen till {other}",
    },
    "file.series_mismatch": {
        "en": "{series!r} does not match the folder {folder!r}; a meeting of {series!r} "
        "belongs in params/{series}/",
        "sv": "{series!r} stämmer inte med mappen {folder!r}; ett möte i {series!r} hör "
        "hemma i params/{series}/",
    },
    "file.outside": {
        "en": "links outside the series folder (through a symbolic link)",
        "sv": "pekar ut ur seriens mapp (genom en symbolisk länk)",
    },
    "file.missing": {"en": "no file {href!r} in {where}/", "sv": "ingen fil {href!r} i {where}/"},
}
