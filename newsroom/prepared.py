"""Querysets compiled to SQL once per process, then run again with new values.

Building and compiling a queryset costs Django's ORM about half a millisecond even for simple
queries, several times what the database needs to answer them, and reader pages run the same
few queries with different values all day long. A prepared query is built from the models' own
queryset methods (so what readers see keeps its one definition), with `Param` placeholders
where values change from one request to the next. It is compiled on first use, per database
connection, and afterwards run by binding new values to that SQL. It returns model instances,
select_related included, exactly as the queryset would.

    related = Prepared(lambda tags: Article.objects.live(at=Param("now")).tagged(...))
    related.run(shape=(3,), now=timezone.now(), ...)

`shape` holds what changes the SQL itself (how many values an IN list has), and is passed to
the build function; the named values fill the placeholders.
"""

import copy
import threading
from collections.abc import Callable, Hashable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Expression, Field, QuerySet


class Slot:
    """Where a Param stands in the compiled SQL's parameters."""

    def __init__(self, name: str, field: Field):
        self.name, self.field = name, field


class Param(Expression):
    """A value given when the prepared query runs: compiles to a placeholder."""

    def __init__(self, name: str, output_field: Field):
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [Slot(self.name, self.output_field)]

    def __repr__(self) -> str:
        return f"Param({self.name!r})"


class Prepared:
    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self.compiled: dict[tuple, tuple] = {}
        self.lock = threading.Lock()

    def _compile(self, shape: tuple, using: str) -> tuple:
        key = (shape, using, connections[using].vendor)
        if (found := self.compiled.get(key)) is None:
            with self.lock:
                queryset = self.build(*shape)
                compiler = queryset.query.get_compiler(using=using)
                sql, params = compiler.as_sql()
                found = self.compiled[key] = (queryset, compiler, sql, tuple(params))
        return found

    def queryset(self, *shape: Hashable, using: str = DEFAULT_DB_ALIAS, **values: Any) -> QuerySet:
        """The prepared queryset with these values bound: iterate it, or list() it."""
        queryset, compiler, sql, params = self._compile(shape, using)
        connection = connections[using]  # this thread's, not the one it was compiled on
        bound = [
            param.field.get_db_prep_value(values[param.name], connection, prepared=False)
            if isinstance(param, Slot)
            else param
            for param in params
        ]
        run = copy.copy(compiler)
        run.connection = connection
        run.as_sql = lambda *args, **kwargs: (sql, bound)
        query = copy.copy(queryset.query)
        query.get_compiler = lambda using=None, connection=None, elide_empty=True: run
        bound_queryset = queryset._chain()
        bound_queryset.query = query
        return bound_queryset

    def run(self, *shape: Hashable, using: str = DEFAULT_DB_ALIAS, **values: Any) -> list:
        return list(self.queryset(*shape, using=using, **values))
