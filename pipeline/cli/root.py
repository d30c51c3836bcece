"""The root `necessity` command: every command group attached, global options, and any
``NecessityError`` a command raises turned into "error: ..." and its exit code, once."""

from __future__ import annotations

import typer
from typer.core import TyperGroup

from pipeline.cli import case, evals, policy, review, serve, sources
from pipeline.cli.common import global_options, show_settings
from pipeline.errors import NecessityError


class _Group(TyperGroup):
    def invoke(self, ctx):  # noqa: ANN001, ANN201
        try:
            return super().invoke(ctx)
        except NecessityError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from exc


app = typer.Typer(
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Draft citation-checked medical-necessity reviews, offline by default.",
)
app.callback()(global_options)
app.command()(sources.prepare)
app.command()(sources.ingest)
app.add_typer(sources.store_app, name="store")
app.add_typer(sources.corpus_app, name="corpus")
app.add_typer(case.case_app, name="case")
app.command()(review.review)
app.command("review-batch")(review.review_batch)
app.command()(review.check)
app.add_typer(policy.policy_app, name="policy")
app.add_typer(evals.eval_app, name="eval")
app.command()(serve.serve)
app.command()(serve.bench)
app.command("settings")(show_settings)


def main() -> None:
    app()
