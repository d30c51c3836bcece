"""`necessity case extract`: a case file from the documents a writer receives."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import settings_from

case_app = typer.Typer(no_args_is_help=True, help="Case files from clinical documents.")


EXTRACTED = (
    "# Extracted by `necessity case extract`: check each fact against its source, fix,\n"
    "# then `necessity review` this file.\n"
)


def write_case(case, path: Path) -> None:  # noqa: ANN001
    """An extracted case, for the writer to check: owner-only YAML with a header."""
    from pipeline.cases import save_case

    save_case(case, path, EXTRACTED)


@case_app.command("extract")
def extract(
    documents: Annotated[
        list[Path], typer.Argument(help="PDFs, text files, FHIR bundles, or folders of them")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="the case file to write")],
    fhir: Annotated[
        list[Path] | None, typer.Option("--fhir", help="a FHIR R4 Bundle (JSON)")
    ] = None,
    case_id: Annotated[str | None, typer.Option("--case-id")] = None,
    keep_identifiers: Annotated[
        bool,
        typer.Option(help="copy names, MRN, addresses and phone numbers into the case too"),
    ] = False,
    model: Annotated[
        bool, typer.Option(help="read narrative notes with the model (else: sections only)")
    ] = True,
) -> None:
    """Extract a case: every fact with the page (and text) or FHIR resource it came from."""
    from pipeline.cases.intake import extract_case, verify_sources
    from pipeline.runtime import Pipeline

    # The model starts on first use only: with --no-model, never.
    with Pipeline.open(settings_from()) as pipeline:
        case = extract_case(
            documents,
            fhir=fhir,
            llm=pipeline.llm if model else None,
            case_id=case_id,
            keep_identifiers=keep_identifiers,
        )
    problems = (
        [p for d in documents for p in verify_sources(case, d)] if len(documents) == 1 else []
    )
    write_case(case, output)
    intake = case.intake
    typer.echo(
        f"{output}: {len(case.diagnoses)} diagnoses, {len(case.history)} history facts, "
        f"{len(case.prior_therapies)} prior therapies, request {case.requested_treatment.drug!r}"
    )
    if intake and intake.withheld:
        typer.echo("left out (identifiers): " + "; ".join(intake.withheld))
    for f in intake.files if intake else []:
        if f.ocr_pages:  # the writer checks facts read by OCR (their sources say ocr: ...)
            pages = ", ".join(f"p. {n} ({conf:.0%})" for n, conf in f.ocr_pages.items())
            typer.echo(f"read by OCR: {f.file} {pages}")
    for line in intake.flagged if intake else []:
        typer.echo(f"  flagged: {line}", err=True)
    for line in (intake.dropped if intake else []) + problems:
        typer.echo(f"  check: {line}", err=True)


def is_packet(path: Path) -> bool:
    """A folder of documents, a PDF or text file, or a FHIR bundle: not a case file."""
    from pipeline.cases.intake import DOCUMENT_SUFFIXES, is_bundle

    path = Path(path)
    if path.is_dir():
        return True
    suffix = path.suffix.lower()
    return suffix in DOCUMENT_SUFFIXES or (suffix == ".json" and is_bundle(path))


def cases_from_packets(paths: list[Path], folder: Path, llm) -> tuple[list[Path], list[str]]:  # noqa: ANN001
    """Each packet extracted to FOLDER/<case_id>.case.yaml (the writer's file to check and
    fix); returns those files, and a reason for each packet that cannot be drafted as is."""
    from pipeline.cases.intake import extract_case

    files, problems = [], []
    for path in paths:
        case = extract_case([path], llm=llm)
        target = folder / f"{case.case_id}.case.yaml"
        write_case(case, target)
        missing = [d for d in (case.intake.dropped if case.intake else []) if "fill in" in d]
        if missing:
            problems.append(f"{path}: {'; '.join(missing)} (in {target}), then review that file")
        else:
            files.append(target)
    return files, problems
