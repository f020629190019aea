"""The `webaudit` command: one sub-command per stage of the audit."""

from __future__ import annotations

from typing import Any

import click

from webaudit import __version__
from webaudit.cli.backup import backup_command, restore_command
from webaudit.cli.common import UserFacingError, workspace_options
from webaudit.cli.crawl import crawl_command
from webaudit.cli.demo import demo_command
from webaudit.cli.dispute import dispute_group
from webaudit.cli.evidence import evidence_command
from webaudit.cli.explain import explain_command
from webaudit.cli.export import export_command
from webaudit.cli.keys import keys_command
from webaudit.cli.manifest import manifest_command
from webaudit.cli.match import match_command, match_pages_command
from webaudit.cli.review import review_command
from webaudit.cli.score import score_command
from webaudit.cli.setup import init_command
from webaudit.cli.stats import history_group, stats_command
from webaudit.cli.verify import verify_command
from webaudit.errors import WebauditError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class WebauditGroup(click.Group):
    """Turns WebauditError into one line on stderr and a non-zero exit, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WebauditError as error:
            raise UserFacingError(str(error), error.exit_code) from error
        except KeyboardInterrupt:
            raise UserFacingError("avbrutet", 130) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # stage order, not alphabetical


@click.group(cls=WebauditGroup, context_settings=CONTEXT)
@workspace_options
@click.version_option(__version__, "-V", "--version", prog_name="webaudit")
@click.pass_context
def cli(ctx: click.Context, /, **flags: Any) -> None:
    """webaudit – granskning av kommunernas hemtjänstsidor för Hemtjänstindex.

    Kedjan: register + checklista → crawl (fångster) → match (förhandsbedömning) →
    review (beslut) → score → export. Varje steg är ett kommando och kan köras om för sig.

    \b
    Exempel:
      webaudit demo                                 hela kedjan på demosajterna
      webaudit init                                 skapa databasen, registrera omgången
      webaudit crawl --only 0114,0180               genomsök två kommuner
      webaudit match && webaudit review --reviewer anna
      webaudit export --format json --out resultat.json
    """
    ctx.obj = {key: value for key, value in flags.items() if value is not None}


for command in (
    init_command,
    crawl_command,
    match_command,
    review_command,
    score_command,
    export_command,
    evidence_command,
    dispute_group,
    stats_command,
    history_group,
    demo_command,
    verify_command,
    manifest_command,
    keys_command,
    backup_command,
    restore_command,
    match_pages_command,
    explain_command,
):
    cli.add_command(command)


def main() -> None:
    cli.main(prog_name="webaudit")


if __name__ == "__main__":
    main()
