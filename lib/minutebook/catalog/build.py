"""What building, publishing, printing and signing tell the user."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- a run of builds (minutebook.build.batch, minutebook.cli) -------------------------
    "run.failed": {"en": "failed", "sv": "misslyckades"},
    "run.kept": {"en": "kept (final minutes)", "sv": "behölls (slutligt protokoll)"},
    "run.built": {"en": "built", "sv": "byggd"},
    "run.built_older_pdf": {
        "en": "built (the PDF is an earlier build's)",
        "sv": "byggd (pdf:en är från en tidigare körning)",
    },
    "run.building": {"en": "building", "sv": "bygger"},
    "run.summary": {
        "en": "{built} built, {current} up to date",
        "sv": "{built} byggda, {current} redan aktuella",
    },
    "run.summary_held": {
        "en": ", {n} final minutes kept as published",
        "sv": ", {n} slutliga protokoll behållna som de publicerades",
    },
    "run.summary_failed": {"en": ", {n} failed", "sv": ", {n} misslyckades"},
    "run.archive_updated": {"en": "; archive updated", "sv": "; arkivet uppdaterat"},
    "run.open": {"en": "open {path}", "sv": "öppna {path}"},
    "run.internal": {
        "en": "{file}: internal error: {name}: {error}",
        "sv": "{file}: internt fel: {name}: {error}",
    },
    "run.republish_needs_files": {
        "en": "--republish changes final minutes: name the meeting files",
        "sv": "--republish ändrar slutliga protokoll: ange mötesfilerna",
    },
    "run.no_files": {"en": "no meeting files under {where}", "sv": "inga mötesfiler i {where}"},
    "run.data_changed": {
        "en": "{meeting} is final and keeps the copy of {data} it was decided on ({copy}/); "
        "{data} has changed since. To use the new data there too, add a corrections: entry "
        "and run: .venv/bin/minutebook build --republish {meeting}",
        "sv": "{meeting} är slutligt och behåller kopian av {data} som beslutet fattades på "
        "({copy}/); {data} har ändrats sedan dess. För att använda de nya uppgifterna även "
        "där: lägg till en rad under corrections: och kör "
        ".venv/bin/minutebook build --republish {meeting}",
    },
    "run.withdrawn": {
        "en": "removed {folder}: its meeting file {file} is gone",
        "sv": "tog bort {folder}: dess mötesfil {file} finns inte längre",
    },
    "run.older_pdfs": {
        "en": "{n} built without a PDF kept the PDF of an earlier build, which may not match "
        "the web page: build without --no-pdf to renew it",
        "sv": "{n} byggda utan pdf behöll pdf:en från en tidigare körning, som kanske inte "
        "stämmer med webbsidan: bygg utan --no-pdf för att förnya den",
    },
    "run.busy": {
        "en": "another minutebook build is running in this project; wait for it to finish",
        "sv": "en annan minutebook-körning pågår i projektet; vänta tills den är klar",
    },
    "run.cannot_write": {
        "en": "cannot write to {where}/: {error}",
        "sv": "kan inte skriva till {where}/: {error}",
    },
    # -- final and signed minutes (minutebook.build.record, .plan, .signing) --------------
    "final.kept_file": {
        "en": "{file}: kept the published final minutes: the changed meeting file changes "
        "what they say. Add a corrections: entry (date and what changed) and build again",
        "sv": "{file}: behöll det publicerade slutliga protokollet: den ändrade mötesfilen "
        "ändrar vad det säger. Lägg till en rad under corrections: (datum och vad som "
        "ändrats) och bygg igen",
    },
    "final.kept_inputs": {
        "en": "{file}: kept the published final minutes: the template, its data, series.yaml "
        "or minutebook changed what they would say. To publish that, add a corrections: "
        "entry and run: .venv/bin/minutebook build --republish {file}",
        "sv": "{file}: behöll det publicerade slutliga protokollet: mallen, dess data, "
        "series.yaml eller minutebook ändrade vad det skulle säga. För att publicera det: "
        "lägg till en rad under corrections: och kör "
        ".venv/bin/minutebook build --republish {file}",
    },
    "final.republish_needs_correction": {
        "en": "{file}: --republish changes final minutes only with a new corrections: entry "
        "(date and what changed): add one and run it again",
        "sv": "{file}: --republish ändrar ett slutligt protokoll bara med en ny rad under "
        "corrections: (datum och vad som ändrats): lägg till en och kör igen",
    },
    "final.signed": {
        "en": "{file}: the minutes were signed by {who}; this build changes what they say "
        "and would lose those signatures. Build it with --resign to publish the new minutes "
        "unsigned, then sign them again",
        "sv": "{file}: protokollet är undertecknat av {who}; den här körningen ändrar vad det "
        "säger och skulle förlora underskrifterna. Bygg med --resign för att publicera det "
        "nya protokollet utan underskrifter, och skriv sedan under igen",
    },
    "final.nobody": {"en": "nobody yet", "sv": "ingen ännu"},
    # -- the template (minutebook.build.plan, .execute, .displays, .meeting) --------------
    "template.none_named": {
        "en": "{file}: no template: notebooks/{name}.ipynb (series.yaml: template)",
        "sv": "{file}: ingen mall: notebooks/{name}.ipynb (series.yaml: template)",
    },
    "template.none": {
        "en": "{file}: no template: neither notebooks/{series}.ipynb nor "
        "notebooks/default.ipynb exists",
        "sv": "{file}: ingen mall: varken notebooks/{series}.ipynb eller "
        "notebooks/default.ipynb finns",
    },
    "template.cell": {"en": "cell {n}", "sv": "cell {n}"},
    "template.cell_failed": {
        "en": "{template}: {cell} failed: {error}",
        "sv": "{template}: {cell} misslyckades: {error}",
    },
    "template.timeout": {
        "en": "{template}: {cell} ran longer than {seconds} s and was stopped",
        "sv": "{template}: {cell} körde längre än {seconds} s och stoppades",
    },
    "template.kernel_died": {
        "en": "{template}: the kernel died while running the template",
        "sv": "{template}: kärnan dog medan mallen kördes",
    },
    "template.cannot_run": {
        "en": "{template}: could not run the template: {error}",
        "sv": "{template}: kunde inte köra mallen: {error}",
    },
    "template.ask_owner": {
        "en": "The meeting file is not at fault: ask {owner}, who keeps {template}, to fix it.",
        "sv": "Felet ligger inte i mötesfilen: be {owner}, som sköter {template}, att rätta det.",
    },
    "template.ask_keeper": {
        "en": "The meeting file is not at fault: {template} must be fixed by whoever keeps it "
        "(name them as owner in its metadata, or template_owner in series.yaml, and this "
        "message will).",
        "sv": "Felet ligger inte i mötesfilen: {template} måste rättas av den som sköter den "
        "(ange personen som owner i mallens metadata, eller template_owner i series.yaml, "
        "så nämner det här meddelandet hen).",
    },
    "template.failed_kept": {
        "en": "the failed notebook is kept in {path}",
        "sv": "den misslyckade notebooken sparades i {path}",
    },
    "template.shows": {
        "en": "{template}: {cell} shows {problem}",
        "sv": "{template}: {cell} visar {problem}",
    },
    "template.no_alt": {
        "en": "an image without alternative text: show charts with m.chart(fig, alt=…), "
        "which says what the chart shows",
        "sv": "en bild utan alternativtext: visa diagram med m.chart(fig, alt=…), som säger "
        "vad diagrammet visar",
    },
    "template.dataframe": {
        "en": "a DataFrame as it is: use m.table(frame, caption=…), which gives it a caption, "
        "header cells and numbers in the meeting's language",
        "sv": "en DataFrame som den är: använd m.table(frame, caption=…), som ger den en "
        "rubrik, rubrikceller och tal på mötets språk",
    },
    "template.no_data": {
        "en": "the meeting names no data file {name!r} (it names: {known})",
        "sv": "mötet anger ingen datafil {name!r} (det anger: {known})",
    },
    # -- data files read by a template (minutebook.template.data) -------------------------
    "data.no_sheet": {
        "en": "{file} has no sheet {sheet!r}",
        "sv": "{file} har inget blad {sheet!r}",
    },
    "data.not_utf8": {
        "en": "{file} is not UTF-8 (byte 0x{byte} in line {line}): give its encoding in the "
        "meeting file, e.g. {{file: {file}, encoding: cp1252}} for a file saved by Excel on "
        "Windows",
        "sv": "{file} är inte UTF-8 (byte 0x{byte} på rad {line}): ange dess teckenkodning i "
        "mötesfilen, t.ex. {{file: {file}, encoding: cp1252}} för en fil sparad av Excel i "
        "Windows",
    },
    "data.separator": {
        "en": "{file}: cannot tell whether its columns are separated by {named}: give sep in "
        "the meeting file, e.g. {{file: {file}, sep: ';'}}",
        "sv": "{file}: går inte att avgöra om kolumnerna skiljs åt av {named}: ange sep i "
        "mötesfilen, t.ex. {{file: {file}, sep: ';'}}",
    },
    "data.decimal_comma": {
        "en": "{file}: numbers with decimal commas in a comma-separated file: give decimal in "
        "the meeting file, e.g. {{file: {file}, decimal: ','}}",
        "sv": "{file}: tal med decimalkomma i en kommaseparerad fil: ange decimal i "
        "mötesfilen, t.ex. {{file: {file}, decimal: ','}}",
    },
    # -- the PDF and the Word copy (minutebook.build.browser, .meeting, .word) ------------
    "pdf.how_to_get": {
        "en": "run `make setup-pdf` (or `playwright install chromium`, or `apt-get install "
        "chromium` as root), or set MINUTEBOOK_CHROMIUM to a Chromium or Chrome executable",
        "sv": "kör `make setup-pdf` (eller `playwright install chromium`, eller `apt-get "
        "install chromium` som root), eller sätt MINUTEBOOK_CHROMIUM till en Chromium eller "
        "Chrome",
    },
    "pdf.not_found": {
        "en": "Chromium not found: {how}",
        "sv": "Chromium hittades inte: {how}",
    },
    "pdf.configured_wrong": {
        "en": "Chromium not found: the configured {path!r} is not an executable file; {how}",
        "sv": "Chromium hittades inte: den inställda {path!r} är ingen körbar fil; {how}",
    },
    "pdf.cannot_start": {
        "en": "Chromium ({path}) could not start: {error}; {how}",
        "sv": "Chromium ({path}) kunde inte starta: {error}; {how}",
    },
    "pdf.print_failed": {
        "en": "Chromium failed to print the PDF: {error}",
        "sv": "Chromium kunde inte skriva ut pdf:en: {error}",
    },
    "pdf.missing": {
        "en": "{file}: published {page} without a PDF: {why}",
        "sv": "{file}: publicerade {page} utan pdf: {why}",
    },
    "word.failed": {
        "en": "pandoc could not make the Word copy: {error}",
        "sv": "pandoc kunde inte göra Word-kopian: {error}",
    },
    # -- signatures (minutebook.build.signing) --------------------------------------------
    "sign.cannot_read_key": {
        "en": "{key}: cannot read the key: {error}",
        "sv": "{key}: kan inte läsa nyckeln: {error}",
    },
    "sign.wrong_passphrase": {
        "en": "{key}: cannot read the key (a wrong passphrase?)",
        "sv": "{key}: kan inte läsa nyckeln (fel lösenfras?)",
    },
    "sign.cannot_read_roots": {
        "en": "cannot read the trust roots: {error}",
        "sv": "kan inte läsa de betrodda rotcertifikaten: {error}",
    },
    "sign.pdf_unreadable": {
        "en": "the PDF cannot be read, so it was changed: {error}",
        "sv": "pdf:en går inte att läsa, alltså har den ändrats: {error}",
    },
    # -- the archive (minutebook.archive) --------------------------------------------------
    "archive.cannot_update": {
        "en": "cannot update the archive in {where}/: {error}",
        "sv": "kan inte uppdatera arkivet i {where}/: {error}",
    },
    "archive.no_pagefind": {
        "en": "search index not built: Pagefind is missing; run `make setup`",
        "sv": "sökindexet byggdes inte: Pagefind saknas; kör `make setup`",
    },
    "archive.pagefind_failed": {
        "en": "search index not built: Pagefind failed: {errors}",
        "sv": "sökindexet byggdes inte: Pagefind misslyckades: {errors}",
    },
    # -- the archive's settings (minutebook.archive.site) ---------------------------------
    "site.base_url": {
        "en": "must be the address reports/ is served at, like https://protokoll.example.se/",
        "sv": "ska vara adressen där reports/ finns på webben, som https://protokoll.example.se/",
    },
    "site.timezone": {
        "en": "{zone!r} is not a time zone: write one like Europe/Stockholm",
        "sv": "{zone!r} är ingen tidszon: skriv en som Europe/Stockholm",
    },
    "site.not_mapping": {
        "en": "expected the archive's settings (key: value), got {got}",
        "sv": "väntade arkivets inställningar (nyckel: värde), fick {got}",
    },
    "site.licence_url": {
        "en": "{licence!r} is not a licence minutebook knows: give licence_url, where it is "
        "written",
        "sv": "{licence!r} är ingen licens som minutebook känner: ange licence_url, där den "
        "finns beskriven",
    },
    "site.no_base_url": {
        "en": "the archive has no base_url (params/site.yaml): its feeds link relatively, "
        "which most feed readers cannot follow, and their ids may be another archive's",
        "sv": "arkivet har ingen base_url (params/site.yaml): flödena länkar relativt, vilket "
        "de flesta flödesläsare inte kan följa, och deras id kan vara ett annat arkivs",
    },
    "serve.cannot": {
        "en": "cannot serve on {host}:{port}: {error}; try another --port",
        "sv": "kan inte visa på {host}:{port}: {error}; prova en annan --port",
    },
    "serve.serving": {
        "en": "Serving {folder} at {address} (Ctrl-C to stop)",
        "sv": "Visar {folder} på {address} (Ctrl-C för att sluta)",
    },
    "serve.stopped": {"en": "stopped", "sv": "stoppad"},
    # -- minutebook preview (minutebook.secretary.preview) ---------------------------------
    "preview.serving": {
        "en": "Previewing {file} at {address}: it shows each save (Ctrl-C to stop)",
        "sv": "Förhandsvisar {file} på {address}: varje sparning syns (Ctrl-C för att sluta)",
    },
    "preview.errors": {
        "en": "{file} cannot be shown yet",
        "sv": "{file} kan inte visas ännu",
    },
    "preview.fix": {
        "en": "Correct the lines above and save: the minutes come back by themselves.",
        "sv": "Rätta raderna ovan och spara: protokollet visas igen av sig självt.",
    },
    "preview.no_pdf": {
        "en": "no PDF while the meeting file has errors",
        "sv": "ingen PDF medan mötesfilen har fel",
    },
    "preview.no_file": {
        "en": "{file}: no such meeting file",
        "sv": "{file}: mötesfilen finns inte",
    },
    "serve.nothing": {
        "en": "nothing to serve in {folder}: run `.venv/bin/minutebook build` first",
        "sv": "inget att visa i {folder}: kör `.venv/bin/minutebook build` först",
    },
}
