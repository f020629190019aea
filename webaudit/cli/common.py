"""What every command shares: workspace options, the workspace itself, and error output."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from webaudit.config import load_settings
from webaudit.workspace import Workspace, open_workspace

F = TypeVar("F", bound=Callable[..., Any])

WORKSPACE_KEYS = ("db", "evidence_dir", "checklist", "config")


class UserFacingError(click.ClickException):
    """Printed as one line, `fel: ...`, with a non-zero exit and no traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        # click declares exit_code a class variable; an instance value is what it reads.
        vars(self)["exit_code"] = exit_code

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"fel: {self.format_message()}", err=True)


def workspace_options(command: F) -> F:
    """--db, --evidence-dir, --checklist, --config: accepted before or after the command name."""
    options = [
        click.option(
            "--db",
            metavar="URL|FIL",
            help="Databas: SQLAlchemy-URL eller SQLite-fil [WEBAUDIT_DB; standard: <bevismapp>/webaudit.db].",
        ),
        click.option(
            "--evidence-dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Bevismapp [WEBAUDIT_EVIDENCE; standard: ./evidence].",
        ),
        click.option(
            "--checklist",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Checklistefil [WEBAUDIT_CHECKLIST; standard: nyaste i checklists/].",
        ),
        click.option(
            "--config",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Inställningsfil (TOML) [WEBAUDIT_CONFIG; standard: ./webaudit.toml].",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def pop_workspace_flags(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {key: kwargs.pop(key) for key in WORKSPACE_KEYS if key in kwargs}


def make_workspace(
    ctx: click.Context, flags: dict[str, Any], extra: dict[str, Any] | None = None
) -> Workspace:
    """Settings from defaults < file < environment < group flags < command flags."""
    merged: dict[str, Any] = dict(ctx.find_root().obj or {})
    merged.update({k: v for k, v in flags.items() if v is not None})
    config = merged.pop("config", None)
    settings = load_settings({**merged, **(extra or {})}, config_file=config)
    workspace = open_workspace(settings)
    ctx.call_on_close(workspace.close)
    return workspace


def with_workspace(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the workspace options and passes a ready Workspace as the first argument."""

    @workspace_options
    @click.pass_context
    @functools.wraps(command)
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        flags = pop_workspace_flags(kwargs)
        return command(make_workspace(ctx, flags), *args, **kwargs)

    return wrapper


def echo(message: str = "", *, err: bool = False) -> None:
    click.echo(message, err=err)


def is_interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def parse_codes(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [code.strip() for code in value.split(",") if code.strip()]
