"""``minutebook build``: the command a secretary runs, over :mod:`minutebook.build`.

It builds what changed (a single meeting's kernel starting before anything else is
loaded), prints one line per failure, brings the archive up to date while Chromium stops,
and says where to open the result. Known failures set the exit status; see
:mod:`minutebook.cli`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MinutebookError
from ..i18n import say
from ..paths import HTML, INDEX, Project

if TYPE_CHECKING:
    from ..build.warm import Spare


def command(args: argparse.Namespace) -> int:
    """``minutebook build``: build what changed, publish it, bring the archive up to date."""
    from ..build.publish import exclusive

    project = Project.find()
    everything = project.meeting_files()
    files = [f.absolute() for f in args.files] or everything
    if args.series:
        files = [f for f in files if f.parent.name == args.series]
    if args.republish and not args.files:
        print(say("run.republish_needs_files"), file=sys.stderr)
        return 2
    if not files:
        where = f"params/{args.series}/" if args.series else "params/"
        print(say("run.no_files", where=where), file=sys.stderr)
        return 2
    dask = args.executor == "dask" or bool(args.scheduler)
    spare = None
    if len(args.files) == 1 and not dask:  # its kernel starts before all else is loaded
        from ..build.warm import kernel_for

        spare = kernel_for(files[0], project)
    try:
        with exclusive(project.root):
            return _build_locked(args, project, files, everything, spare, dask)
    finally:
        if spare is not None:
            spare.close()  # the run stopped it, unless it ended before (idle then)


def _build_locked(
    args: argparse.Namespace,
    project: Project,
    files: list[Path],
    everything: list[Path],
    spare: Spare | None,
    dask: bool = False,
) -> int:
    from ..archive import update as archive
    from ..archive.withdraw import withdraw
    from ..build import record
    from ..build.batch import Progress, build_many

    cluster = None
    if dask:  # started only if there is something to build
        from functools import partial

        from ..build.cluster import Cluster

        cluster = partial(Cluster, args.scheduler, args.workers)
    report = build_many(
        project,
        files,
        force=args.force,
        pdf=not args.no_pdf,
        workers=args.workers,
        timeout=args.timeout,
        progress=Progress(project, sys.stdout),
        republish=args.republish,
        resign=args.resign,
        linger=True,  # Chromium stops while the archive is updated
        spare=spare,
        ahead=(archive.warm_up,),
        cluster=cluster,
    )
    for outcome in report.failed:
        print(outcome.error, file=sys.stderr)
    for why in [o.held for o in report.held] + report.held_before:
        print(why, file=sys.stderr)
    for meeting, data in record.changed_data(files):
        copy = project.relative(record.frozen_folder(meeting))
        print(
            say("run.data_changed", meeting=project.relative(meeting), data=data, copy=copy),
            file=sys.stderr,
        )
    status = report.exit_status(batch=not args.files)
    updated = False
    withdrawn = withdraw(project)
    for folder in withdrawn:
        gone = f"params/{folder.parent.name}/{folder.name}.yaml"
        print(say("run.withdrawn", folder=project.relative(folder), file=gone))
    # A build of named files that all failed leaves reports/ exactly as it was; otherwise the
    # archive is brought up to date (the notice board changes with the day alone).
    if report.published or withdrawn or not args.files or not report.failed:
        try:
            updated = archive.update(project, everything, force=args.force)
            if updated and not _site_url(project):
                print(f"{say('check.warning')}{say('site.no_base_url')}", file=sys.stderr)
        except MinutebookError as error:
            print(error, file=sys.stderr)
            status = 1
    if report.older_pdfs:
        print(say("run.older_pdfs", n=len(report.older_pdfs)), file=sys.stderr)
    report.finish()
    print(report.summary() + (say("run.archive_updated") if updated else ""))
    if report.published or updated:
        one = report.published[0] if len(report.published) == 1 else None
        page = (one.page or one.folder / HTML) if one and one.folder else project.reports / INDEX
        print(say("run.open", path=project.relative(page)))
    return status


def _site_url(project: Project) -> str | None:
    from ..site import load_site  # the settings' model: loaded when the archive changed only

    return load_site(project.params).url
