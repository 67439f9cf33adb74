"""The command line's own words: its help, and argparse's.

argparse translates its words through gettext's ``_``; :mod:`minutebook.cli` points that at
the ``argparse.<English>`` entries here, so ``minutebook --help`` and a mistyped option
speak the user's language too.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- minutebook --help ----------------------------------------------------------------
    "cli.description": {
        "en": "Meeting minutes from YAML files: validated, run through a Jupyter template, "
        "published as HTML and PDF.",
        "sv": "Protokoll och mötesanteckningar från YAML-filer: kontrollerade, körda genom "
        "en Jupyter-mall, publicerade som HTML och pdf.",
    },
    "cli.version": {"en": "show the version and exit", "sv": "visa versionen och avsluta"},
    "cli.lang": {
        "en": "the messages' language (default: as LANG says)",
        "sv": "meddelandenas språk (standard: som LANG anger)",
    },
    "cli.files": {
        "en": "meeting files, params/<series>/<date>.yaml",
        "sv": "mötesfiler, params/<serie>/<datum>.yaml",
    },
    "cli.series": {"en": "the series, e.g. umebra", "sv": "serien, t.ex. umebra"},
    "cli.build": {
        "en": "build meetings and the archive into reports/",
        "sv": "bygg möten och arkivet i reports/",
    },
    "cli.build.description": {
        "en": "Build the given meeting files (default: every meeting under params/) whose "
        "inputs changed, then the archive.",
        "sv": "Bygg de angivna mötesfilerna (standard: alla möten i params/) vars underlag "
        "har ändrats, och sedan arkivet.",
    },
    "cli.build.series": {"en": "only the meetings of series S", "sv": "bara möten i serien S"},
    "cli.build.force": {
        "en": "rebuild even what is up to date",
        "sv": "bygg om även det som redan är aktuellt",
    },
    "cli.build.no_pdf": {
        "en": "skip the PDF (a quick preview)",
        "sv": "hoppa över pdf:en (en snabb förhandsvisning)",
    },
    "cli.build.republish": {
        "en": "let final minutes change (their data files read afresh, a changed template or "
        "minutebook): each needs a new corrections: entry",
        "sv": "låt slutliga protokoll ändras (datafilerna lästa på nytt, en ändrad mall eller "
        "minutebook): vart och ett behöver en ny rad under corrections:",
    },
    "cli.build.resign": {
        "en": "let signed minutes change: their signed copy is set aside, to be signed again",
        "sv": "låt undertecknade protokoll ändras: den undertecknade kopian läggs undan, för "
        "att skrivas under igen",
    },
    "cli.build.workers": {
        "en": "meetings built at once (default: two per core); with a local Dask cluster, "
        "its worker processes (default: one per core)",
        "sv": "möten som byggs samtidigt (standard: två per processorkärna); med ett lokalt "
        "Dask-kluster dess arbetsprocesser (standard: en per processorkärna)",
    },
    "cli.build.executor": {
        "en": "where meetings are built: here (local, the default), or as tasks on a Dask "
        "cluster (dask: a local one of N worker processes, or the one at --scheduler)",
        "sv": "var mötena byggs: här (local, standard) eller som uppgifter i ett Dask-kluster "
        "(dask: ett lokalt med N arbetsprocesser, eller det vid --scheduler)",
    },
    "cli.build.scheduler": {
        "en": "the address of a running Dask scheduler, such as tcp://host:8786 "
        "(implies --executor dask)",
        "sv": "adressen till en körande Dask-schemaläggare, till exempel tcp://värd:8786 "
        "(innebär --executor dask)",
    },
    "cli.build.timeout": {
        "en": "how long one template cell may run (default: the template's own "
        "minutebook.timeout metadata, else {seconds})",
        "sv": "hur länge en cell i mallen får köra (standard: mallens egen metadata "
        "minutebook.timeout, annars {seconds})",
    },
    "cli.serve": {
        "en": "serve reports/ on a local web server (search needs one)",
        "sv": "visa reports/ med en lokal webbserver (sökningen behöver en)",
    },
    "cli.serve.port": {
        "en": "port (default: 8000; 0: any)",
        "sv": "port (standard: 8000; 0: vilken som helst)",
    },
    "cli.serve.bind": {"en": "address (default: 127.0.0.1)", "sv": "adress (standard: 127.0.0.1)"},
    "cli.preview": {
        "en": "show a meeting's minutes in the browser, again on every save",
        "sv": "visa ett mötes protokoll i webbläsaren, på nytt vid varje sparning",
    },
    "cli.preview.port": {
        "en": "port (default: 8001; 0: any)",
        "sv": "port (standard: 8001; 0: vilken som helst)",
    },
    "cli.preview.no_browser": {
        "en": "do not open a browser",
        "sv": "öppna ingen webbläsare",
    },
    "cli.new": {"en": "start the next meeting of a series", "sv": "påbörja nästa möte i en serie"},
    "cli.new.description": {
        "en": "Write params/<series>/<date>.yaml for the next meeting, from the series' latest "
        "one: participants, standing items and open action items carried over.",
        "sv": "Skriv params/<serie>/<datum>.yaml för nästa möte, utifrån seriens senaste: "
        "deltagare, stående punkter och öppna åtgärder följer med.",
    },
    "cli.new.date": {
        "en": "the meeting's date (without it: asked for on a terminal, refused elsewhere)",
        "sv": "mötets datum (utan datum: frågar i en terminal, annars avbryts kommandot)",
    },
    "cli.check": {
        "en": "check meeting files without building them",
        "sv": "kontrollera mötesfiler utan att bygga dem",
    },
    "cli.check.description": {
        "en": "Report every problem in the given meeting files (default: all under params/), "
        "and warn about likely slips.",
        "sv": "Visa varje fel i de angivna mötesfilerna (standard: alla i params/), och varna "
        "för troliga misstag.",
    },
    "cli.check.a11y": {
        "en": "also check the built HTML (axe-core, WCAG 2.1 AA) and PDF (tags, language, "
        "title, bookmarks, fonts) of these meetings and the archive",
        "sv": "kontrollera också den byggda HTML:en (axe-core, WCAG 2.1 AA) och pdf:en "
        "(taggar, språk, titel, bokmärken, typsnitt) för mötena och arkivet",
    },
    "cli.check.json": {
        "en": "print the findings as JSON for programs, each with its data path "
        "(items[0].presenters: item 1, counted from 0)",
        "sv": "skriv ut fynden som JSON för program, vart och ett med sin plats i data "
        "(items[0].presenters: punkt 1, räknat från 0)",
    },
    "cli.schema": {
        "en": "print the JSON Schema of a meeting file",
        "sv": "skriv ut JSON-schemat för en mötesfil",
    },
    "cli.template": {"en": "make a template for a series", "sv": "gör en mall för en serie"},
    "cli.template.new": {
        "en": "copy the default template to notebooks/<series>.ipynb, ready to extend",
        "sv": "kopiera standardmallen till notebooks/<serie>.ipynb, redo att byggas ut",
    },
    "cli.sign": {
        "en": "sign published final minutes (digital justering, PAdES)",
        "sv": "skriv under publicerade slutliga protokoll (digital justering, PAdES)",
    },
    "cli.sign.description": {
        "en": "Add the signer's PAdES signature to the meeting's published minutes.pdf; the "
        "signed copy is kept as params/<series>/<date>.signed.pdf and published as "
        "minutes.pdf from then on.",
        "sv": "Lägg till undertecknarens PAdES-underskrift i mötets publicerade minutes.pdf; "
        "den undertecknade kopian sparas som params/<serie>/<datum>.signed.pdf och "
        "publiceras som minutes.pdf från och med nu.",
    },
    "cli.sign.file": {"en": "the meeting file", "sv": "mötesfilen"},
    "cli.sign.key": {
        "en": "the signer's key and certificate, a PKCS#12 file (.p12, .pfx)",
        "sv": "undertecknarens nyckel och certifikat, en PKCS#12-fil (.p12, .pfx)",
    },
    "cli.sign.passphrase": {
        "en": "a file whose first line is the key's passphrase (default: ask for it)",
        "sv": "en fil vars första rad är nyckelns lösenfras (standard: fråga efter den)",
    },
    "cli.sign.as": {
        "en": "the participant who signs, when the certificate names them otherwise",
        "sv": "deltagaren som skriver under, när certifikatet namnger hen på annat sätt",
    },
    "cli.verify": {
        "en": "check the signatures of signed minutes",
        "sv": "kontrollera underskrifterna på undertecknade protokoll",
    },
    "cli.verify.description": {
        "en": "List each signature of the published minutes of a meeting file, or of a PDF: "
        "who signed, when, whether it is intact, and whether it is trusted. Exit status 1 "
        "when a signature is broken, the document was changed after signing, or a signer is "
        "not trusted by the given roots.",
        "sv": "Visa varje underskrift på en mötesfils publicerade protokoll, eller på en pdf: "
        "vem som skrev under, när, om den är intakt och om den är betrodd. Slutstatus 1 när "
        "en underskrift är trasig, dokumentet ändrats efter underskriften eller en "
        "undertecknare inte är betrodd av de angivna rötterna.",
    },
    "cli.verify.target": {"en": "a meeting file, or a PDF", "sv": "en mötesfil, eller en pdf"},
    "cli.verify.trust": {
        "en": "a trusted root certificate (PEM or DER); may be given more than once",
        "sv": "ett betrott rotcertifikat (PEM eller DER); kan anges flera gånger",
    },
    "cli.metavar.command": {"en": "COMMAND", "sv": "KOMMANDO"},
    "cli.metavar.file": {"en": "FILE", "sv": "FIL"},
    "cli.metavar.series": {"en": "series", "sv": "serie"},
    "cli.bad_date": {
        "en": "{text!r} is not a date like 2024-03-12",
        "sv": "{text!r} är inget datum som 2024-03-12",
    },
    "cli.interrupted": {"en": "interrupted", "sv": "avbruten"},
    "cli.internal": {
        "en": "minutebook: internal error: {name}: {error} (run with MINUTEBOOK_DEBUG=1 for "
        "the traceback)",
        "sv": "minutebook: internt fel: {name}: {error} (kör med MINUTEBOOK_DEBUG=1 för att "
        "se var)",
    },
    # -- argparse's own words, by their English text ---------------------------------------
    "argparse.usage: ": {"en": "usage: ", "sv": "användning: "},
    "argparse.positional arguments": {"en": "positional arguments", "sv": "argument"},
    "argparse.options": {"en": "options", "sv": "flaggor"},
    "argparse.show this help message and exit": {
        "en": "show this help message and exit",
        "sv": "visa den här hjälpen och avsluta",
    },
    "argparse.%(prog)s: error: %(message)s\n": {
        "en": "%(prog)s: error: %(message)s\n",
        "sv": "%(prog)s: fel: %(message)s\n",
    },
    "argparse.the following arguments are required: %s": {
        "en": "the following arguments are required: %s",
        "sv": "följande argument behövs: %s",
    },
    "argparse.unrecognized arguments: %s": {
        "en": "unrecognized arguments: %s",
        "sv": "okända argument: %s",
    },
    "argparse.argument %(argument_name)s: %(message)s": {
        "en": "argument %(argument_name)s: %(message)s",
        "sv": "argument %(argument_name)s: %(message)s",
    },
    "argparse.invalid choice: %(value)r (choose from %(choices)s)": {
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
        "sv": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    },
    "argparse.invalid %(type)s value: %(value)r": {
        "en": "invalid %(type)s value: %(value)r",
        "sv": "ogiltigt värde (%(type)s): %(value)r",
    },
    "argparse.expected one argument": {
        "en": "expected one argument",
        "sv": "väntade ett argument",
    },
    "argparse.ambiguous option: %(option)s could match %(matches)s": {
        "en": "ambiguous option: %(option)s could match %(matches)s",
        "sv": "tvetydig flagga: %(option)s kan betyda %(matches)s",
    },
}
