"""The municipality registry: load and validate.

The bundled registry (`checklists/municipalities.csv`) holds all 290 municipalities. The crawler
takes any CSV with at least `code,name,website`, so a team can audit a subset or test sites.
Malformed rows are reported with their line numbers; the good rows are still usable.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from webaudit.config import PROJECT_ROOT
from webaudit.errors import RegistryError

DEFAULT_REGISTRY = PROJECT_ROOT / "checklists" / "municipalities.csv"
REQUIRED_COLUMNS = ("code", "name", "website")
OPTIONAL_COLUMNS = ("official_name", "county", "population", "population_year", "size_group")

# Size groups 1-5 by population, upper bounds inclusive (Hemtjänstindex's grouping).
SIZE_GROUP_BOUNDS = ((1, 15_000), (2, 30_000), (3, 70_000), (4, 200_000))


def size_group_for(population: int) -> int:
    """1: up to 15 000, 2: 15-30 000, 3: 30-70 000, 4: 70-200 000, 5: over 200 000."""
    for group, upper in SIZE_GROUP_BOUNDS:
        if population <= upper:
            return group
    return 5


class Municipality(BaseModel):
    """One registry row, validated."""

    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=True)

    code: str = Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")
    name: str = Field(min_length=1)
    website: str
    official_name: str | None = None
    county: str | None = None
    population: int | None = Field(None, ge=0)
    population_year: int | None = Field(None, ge=1900, le=2100)
    size_group: int | None = Field(None, ge=1, le=5)

    @field_validator("website")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                "webbadressen måste börja med http:// eller https:// och ha ett värdnamn"
            )
        if parts.username or parts.password:
            raise ValueError("webbadressen får inte innehålla användarnamn eller lösenord")
        return value

    @field_validator(
        "official_name", "county", "population", "population_year", "size_group", mode="before"
    )
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @model_validator(mode="after")
    def _size_group_matches_population(self) -> Municipality:
        if self.population is not None and self.size_group is not None:
            expected = size_group_for(self.population)
            if expected != self.size_group:
                raise ValueError(
                    f"storleksgrupp {self.size_group} stämmer inte med folkmängd {self.population} "
                    f"(ska vara {expected})"
                )
        return self

    @property
    def effective_size_group(self) -> int | None:
        if self.size_group is not None:
            return self.size_group
        return size_group_for(self.population) if self.population is not None else None


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"rad {self.line}: {self.message}"


@dataclass
class Registry:
    path: Path
    municipalities: list[Municipality] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    def select(self, codes: list[str] | None) -> list[Municipality]:
        """The municipalities with these codes (all when None); unknown codes are an error."""
        if not codes:
            return list(self.municipalities)
        by_code = {m.code: m for m in self.municipalities}
        unknown = [code for code in codes if code not in by_code]
        if unknown:
            raise RegistryError(self.path, f"okända kommunkoder: {', '.join(unknown)}")
        return [by_code[code] for code in codes]


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    column = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return f"kolumn '{column}': {message}" if column else message


def load_registry(path: Path | None = None) -> Registry:
    """Read a registry CSV. A missing column fails at once; bad rows are collected as problems."""
    path = path or DEFAULT_REGISTRY
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise RegistryError(path, f"kan inte läsas ({error.strerror or error})") from error
    registry = Registry(path=path)
    seen: dict[str, int] = {}
    with handle:
        try:
            reader = csv.DictReader(handle)
            header = [name.strip() for name in reader.fieldnames or []]
            missing = [column for column in REQUIRED_COLUMNS if column not in header]
            if missing:
                raise RegistryError(
                    path, f"kolumner saknas i rubrikraden: {', '.join(missing)}", where="rad 1"
                )
            reader.fieldnames = header
            for row in reader:
                line = reader.line_num
                if None in row or any(value is None for value in row.values()):
                    registry.problems.append(RowProblem(line, "fel antal fält"))
                    continue
                if not any(value.strip() for value in row.values()):
                    continue
                try:
                    municipality = Municipality.model_validate(row)
                except ValidationError as error:
                    registry.problems.append(RowProblem(line, _describe(error)))
                    continue
                if municipality.code in seen:
                    registry.problems.append(
                        RowProblem(
                            line,
                            f"koden {municipality.code} finns redan på rad {seen[municipality.code]}",
                        )
                    )
                    continue
                seen[municipality.code] = line
                registry.municipalities.append(municipality)
        except UnicodeDecodeError as error:
            raise RegistryError(path, "filen är inte UTF-8") from error
        except csv.Error as error:
            raise RegistryError(path, f"ogiltig CSV: {error}") from error
    if not registry.municipalities:
        detail = f" ({registry.problems[0]})" if registry.problems else ""
        raise RegistryError(path, f"inga giltiga kommuner i filen{detail}")
    return registry
