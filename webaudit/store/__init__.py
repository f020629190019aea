"""The database: tables, engine and the queries each stage needs. The only package that knows SQL."""

from webaudit.store.engine import Store

__all__ = ["Store"]
