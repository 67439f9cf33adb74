"""Messages of builds on a Dask cluster (:mod:`minutebook.build.cluster`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "dask.missing": {
        "en": "--executor dask needs the distributed package: run make setup",
        "sv": "--executor dask behöver paketet distributed: kör make setup",
    },
    "dask.cannot_connect": {
        "en": "cannot reach the Dask scheduler at {where}: {error}",
        "sv": "når inte Dask-schemaläggaren på {where}: {error}",
    },
    "dask.worker_lost": {
        "en": "{template}: the workers running it were lost as often as the scheduler allows "
        "(killed, or their machines went away); the other meetings went on",
        "sv": "{template}: arbetarna som körde den försvann så många gånger som "
        "schemaläggaren tillåter (dödade, eller så försvann deras maskiner); de andra "
        "mötena byggdes vidare",
    },
    "dask.worker_lost_printing": {
        "en": "the workers printing the PDF were lost as often as the scheduler allows",
        "sv": "arbetarna som skrev ut PDF:en försvann så många gånger som schemaläggaren tillåter",
    },
    "dask.task_failed": {
        "en": "{template}: its run on the cluster failed: {error}",
        "sv": "{template}: körningen i klustret misslyckades: {error}",
    },
    "dask.worker_setup": {
        "en": "the cluster's workers cannot build minutebook's meetings: {error} (each "
        "needs the project's environment: make setup)",
        "sv": "klustrets arbetare kan inte bygga minutebooks möten: {error} (var och en "
        "behöver projektets miljö: make setup)",
    },
    "dask.other_code": {
        "en": "these workers run another minutebook or other packages than this machine, "
        "so their minutes could differ: {workers} (make setup on each, from the same "
        "requirements.lock)",
        "sv": "de här arbetarna kör en annan minutebook eller andra paket än den här "
        "maskinen, så deras protokoll kunde skilja sig: {workers} (kör make setup på var "
        "och en, från samma requirements.lock)",
    },
    "dask.outside": {
        "en": "a file sent to a worker would land outside its task's folder: {file}",
        "sv": "en fil som skickades till en arbetare skulle hamna utanför uppgiftens mapp: {file}",
    },
}
