"""The demo sites' manifest: which fictional municipality each folder is, and the truth per item."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from webaudit.errors import DataFileError
from webaudit.municipalities import Municipality, size_group_for
from webaudit.yamlfile import read_yaml

SITES_DIR = Path(__file__).resolve().parent / "sites"
MANIFEST = SITES_DIR / "manifest.yaml"


class DemoSite(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    name: str
    official_name: str
    county: str
    population: int
    slug: str
    extra_hosts: list[str] = Field(default_factory=list)
    truth: dict[str, Literal["yes", "no"]]
    where: dict[str, list[str]] = Field(default_factory=dict)
    notes: str | None = None

    def registry_row(self, website: str) -> Municipality:
        return Municipality(
            code=self.code,
            name=self.name,
            official_name=self.official_name,
            county=self.county,
            population=self.population,
            population_year=2025,
            size_group=size_group_for(self.population),
            website=website,
        )


class DemoManifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sites: list[DemoSite] = Field(min_length=1)


def load_manifest(path: Path = MANIFEST) -> DemoManifest:
    raw = read_yaml(path)
    # YAML 1.1 reads bare yes/no as booleans; the manifest means the words.
    for site in raw.get("sites", []) if isinstance(raw, dict) else []:
        if isinstance(site, dict) and isinstance(site.get("truth"), dict):
            site["truth"] = {
                k: ("yes" if v is True else "no" if v is False else v)
                for k, v in site["truth"].items()
            }
    try:
        return DemoManifest.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        raise DataFileError(
            path, first["msg"], where=".".join(str(p) for p in first["loc"])
        ) from error
