"""Bulk reads for exports and agreement: annotations as columns of numbers, or streamed as
table rows, each in one query. Mixed into `Project`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.store.integrity import bulk_row_ok, read_text, row_ok

# numpy is imported in the functions that make columns: commands that make none, such as
# `annotator export`, start 0.2 s sooner without it.
if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Categories:
    """The values of a text column as numbers: `codes[i]` is the position of row i's value in
    `labels`, -1 where it has none (NULL or empty)."""

    codes: np.ndarray
    labels: list[str]


@dataclass(frozen=True)
class AnnotationColumns:
    """Annotations as columns, one entry per annotation, in no particular order.

    Annotations, documents, annotators and entities are named by their SQLite rowid (-1: none),
    so a million annotations cost arrays of numbers, not a million tuples of strings.
    """

    rowid: np.ndarray
    document: np.ndarray  # the document's rowid
    annotator: np.ndarray  # the annotator's id
    layer: np.ndarray  # the position of the layer in the `layers` asked for, -1 for others
    start: np.ndarray
    end: np.ndarray
    entity: np.ndarray  # the entity's rowid
    link: np.ndarray  # the rowid of the annotation linked to
    # (layer, attribute) -> its values (no value for annotations of other layers)
    attributes: dict[tuple[str, str], Categories]


@dataclass(frozen=True)
class StanceColumns:
    annotation: np.ndarray  # the annotation's rowid
    target: np.ndarray  # a number per target: equal targets, equal numbers
    value: Categories


class BulkReads:
    # `_file_version()` when every row of the project was last found sound (`left_out()`).
    _sound_at: tuple[int, int] | None = None

    def annotation_columns(
        self,
        layers: Sequence[str],
        attributes: Mapping[tuple[str, str], Sequence[str]] | None = None,
        annotators: Sequence[str] | None = None,
        document_ids: Sequence[str] | None = None,
    ) -> AnnotationColumns:
        """The annotations of the annotators and documents (default: all) as columns, with the
        values of plain attributes: {(layer, name): the values expected (the schema's)}.

        SQLite joins the numbers into text that numpy reads at once, and turns expected values
        into numbers; only unexpected ones come back as text. Each query walks its tables in
        an order that keeps its lookups near each other: one that jumps about a large index
        for every row costs several times more.
        """
        attributes = attributes or {}
        where, params = self._bulk_filter(annotators, document_ids)
        numbers = {
            "rowid": "a.rowid",
            "document": "d.rowid",
            "annotator": "a.annotator_id",
            "layer": "CASE a.layer "
            + " ".join(f"WHEN ? THEN {n}" for n in range(len(layers)))
            + " ELSE -1 END",
            "start": "a.start",
            "end": 'a."end"',
            "entity": "coalesce(e.rowid, -1)",
        }
        arguments = list(layers)
        for (layer, name), expected in attributes.items():
            case, case_params = _category_case(_attribute(name), expected)
            numbers[f"{layer}.{name}"] = f"CASE WHEN a.layer = ? THEN {case} ELSE -1 END"
            arguments += [layer, *case_params]
        row = self.conn.execute(
            f"""
            SELECT {", ".join(f"group_concat({sql})" for sql in numbers.values())}
            FROM annotations a
            JOIN documents d ON d.id = a.document_id
            LEFT JOIN entities e ON e.id = a.entity_id AND typeof(e.name) = 'text'
            WHERE {where}
            """,
            [*arguments, *params],
        ).fetchone()
        found = dict(zip(numbers, map(_numbers, row), strict=True))
        # Through the index of links, which lists them by their target.
        # Of the documents asked for only: a part of a large project reads its own links.
        of_documents, document_params = _of_documents("a", document_ids)
        links = self.conn.execute(
            "SELECT group_concat(a.rowid), group_concat(l.rowid) FROM annotations a "
            # Rowids only: a damaged row's link finds no partner (`_lookup`), nothing more.
            f"JOIN annotations l ON l.id = a.link_id WHERE a.link_id IS NOT NULL{of_documents}",
            document_params,
        ).fetchone()
        values = {}
        for (layer, name), expected in attributes.items():
            codes = found.pop(f"{layer}.{name}")
            case, case_params = _category_case(_attribute(name), expected)
            values[layer, name] = self._categories(
                codes,
                found["rowid"],
                expected,
                # As text: a value that is a list or an object (a hand edit) is one label.
                f"SELECT group_concat(a.rowid), json_group_array('' || {_attribute(name)}) "
                # The row's check first: a value is read only from a row that passed it.
                f"FROM annotations a WHERE a.layer = ? "
                f"AND CASE WHEN {_COLUMNS_OK} THEN {case} END = -2",
                [layer, *case_params],
            )
        rowids = found["rowid"]
        found["link"] = _lookup(rowids, _numbers(links[0]), _numbers(links[1]))
        return AnnotationColumns(**found, attributes=values)

    def stance_columns(
        self, values: Sequence[str], document_ids: Sequence[str] | None = None
    ) -> StanceColumns:
        """Every stance of the project (or of the annotations of `document_ids`) as columns,
        with the `values` expected (the schema's). Those of annotations `annotation_columns`
        did not give are left out by their rowid: finding each one's annotator would cost more
        than the rest."""
        of_documents, document_params = _of_documents("a", document_ids)
        # Each stance's annotation, looked up in the order of annotation ids; for some
        # documents, their annotations' stances, looked up from the index by document.
        tables = (
            "stances s CROSS JOIN annotations a ON a.id = s.annotation_id"
            if document_ids is None
            else "annotations a CROSS JOIN stances s ON s.annotation_id = a.id"
        )
        owners = self.conn.execute(
            "SELECT group_concat(s.rowid), group_concat(a.rowid) "
            f"FROM {tables} WHERE {row_ok('stances', 's')} AND {_COLUMNS_OK}{of_documents}",
            document_params,
        ).fetchone()
        # The stances of those documents' annotations, through the index of annotations by
        # document: a part of a large project reads its own.
        of_stances = (
            " AND s.annotation_id IN (SELECT a.id FROM annotations a "
            "WHERE a.document_id IN (SELECT value FROM json_each(?)))"
            if document_ids is not None
            else ""
        )
        case, case_params = _category_case("s.value", values)
        # A target's number: the first stance row with that target, found in its index.
        row = self.conn.execute(
            f"""
            SELECT group_concat(s.rowid),
                   group_concat((SELECT t.rowid FROM stances t WHERE t.target = s.target
                                 ORDER BY t.target, t.rowid LIMIT 1)),
                   group_concat({case})
            FROM stances s WHERE {row_ok("stances", "s")}{of_stances}
            """,
            [*case_params, *document_params],
        ).fetchone()
        import numpy as np

        rowids = _numbers(row[0])
        order = np.argsort(rowids)
        value = self._categories(
            _numbers(row[2]),
            rowids,
            values,
            f"SELECT group_concat(s.rowid), json_group_array(s.value) FROM stances s "
            f"WHERE {row_ok('stances', 's')} AND {case} = -2{of_stances}",
            [*case_params, *document_params],
        )
        return StanceColumns(
            annotation=_lookup(rowids[order], _numbers(owners[0]), _numbers(owners[1])),
            target=_numbers(row[1])[order],
            value=Categories(value.codes[order], value.labels),
        )

    def _categories(
        self,
        codes: np.ndarray,
        rowids: np.ndarray,
        expected: Sequence[str],
        unexpected_sql: str,
        params: Sequence[str],
    ) -> Categories:
        """Value numbers (-2: unexpected) as Categories: the rare unexpected values are read
        by `unexpected_sql` as (rowids, JSON list of values) and numbered after `expected`."""
        import numpy as np

        labels = list(expected)
        if (codes == -2).any():
            found = self.conn.execute(unexpected_sql, list(params)).fetchone()
            position = {label: n for n, label in enumerate(labels)}
            numbers = np.array(
                [position.setdefault(v, len(position)) for v in json.loads(found[1])]
            )
            codes = codes.copy()
            unexpected = codes == -2
            codes[unexpected] = _lookup(rowids[unexpected], _numbers(found[0]), numbers)
            labels = list(position)
        return Categories(codes, labels)

    @contextmanager
    def side_reader(self) -> Iterator[BulkReads | None]:
        """A second connection to the project file, read-only, for a bulk read on another
        thread while this connection runs one: SQLite lets go of Python's lock while a query
        runs, so the two use two cores. It sees committed work only, so inside a transaction
        (or without a file) there is none: None."""
        if self.conn.in_transaction or not Path(self.path).is_file():
            yield None
            return
        uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            conn.execute("SELECT 1 FROM annotations LIMIT 1")
        except sqlite3.Error:  # the same work on this connection will do
            yield None
            return
        try:
            yield _SideReader(conn)
        finally:
            conn.close()

    def _bulk_filter(
        self, annotators: Sequence[str] | None, document_ids: Sequence[str] | None
    ) -> tuple[str, list[str]]:
        # Rows of the wrong type or shape are left out (`annotator check` names them).
        where, params = [_COLUMNS_OK], []
        # A JSON list as one parameter: no limit on the number of names or ids.
        if annotators is not None:
            where.append(
                "a.annotator_id IN (SELECT p.id FROM annotators p "
                "WHERE p.name IN (SELECT value FROM json_each(?)))"
            )
            params.append(json.dumps(list(annotators)))
        if document_ids is not None:
            where.append("a.document_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(document_ids)))
        return " AND ".join(where), params

    def document_rows(
        self, rowids: Sequence[int] | None = None, ids: Sequence[str] | None = None
    ) -> list[tuple[int, str, str]]:
        """(rowid, id, title) of every document, or of those of `rowids` or `ids`, in import
        order."""
        if rowids is None and ids is None:
            return self.conn.execute(
                f"SELECT rowid, id, title FROM documents WHERE {row_ok('documents')} ORDER BY rowid"
            ).fetchall()
        column, wanted = ("rowid", rowids) if rowids is not None else ("id", ids)
        return self.conn.execute(
            f"SELECT rowid, id, title FROM documents WHERE {column} IN "
            f"(SELECT value FROM json_each(?)) AND {row_ok('documents')} ORDER BY rowid",
            (json.dumps(list(wanted or [])),),
        ).fetchall()

    def document_rowids(self) -> np.ndarray:
        """The rowids of every document, in import order (ascending), as int64."""
        rows = self.conn.execute(
            f"SELECT rowid FROM documents WHERE {row_ok('documents')} ORDER BY rowid"
        )
        import numpy as np

        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def texts(self, document_ids: Sequence[str]) -> list[str]:
        """The texts of documents, in the order asked for; one query."""
        found = dict(
            self.conn.execute(
                "SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each(?)) "
                f"AND {row_ok('documents')}",
                (json.dumps(list(document_ids)),),
            )
        )
        return [found.get(i, "") for i in document_ids]

    def annotated_documents(self, annotator: str) -> set[str]:
        """The documents an annotator has worked on: an annotation, or a status not todo."""
        rows = self.conn.execute(
            """
            SELECT d.id FROM documents d, (SELECT id FROM annotators WHERE name = ?) p
            WHERE EXISTS (SELECT 1 FROM annotations a
                          WHERE a.document_id = d.id AND a.annotator_id = p.id)
               OR EXISTS (SELECT 1 FROM document_status s WHERE s.document_id = d.id
                          AND s.annotator_id = p.id AND s.status != 'todo')
            """,
            (annotator,),
        )
        return {r[0] for r in rows}

    def annotated_document_rowids(self, annotator: str) -> np.ndarray:
        """The rowids of `annotated_documents(annotator)`, ascending, as int64: a number a
        document, whatever the length of its id."""
        rows = self.conn.execute(
            """
            SELECT d.rowid FROM documents d, (SELECT id FROM annotators WHERE name = ?) p
            WHERE EXISTS (SELECT 1 FROM annotations a
                          WHERE a.document_id = d.id AND a.annotator_id = p.id)
               OR EXISTS (SELECT 1 FROM document_status s WHERE s.document_id = d.id
                          AND s.annotator_id = p.id AND s.status != 'todo')
            ORDER BY d.rowid
            """,
            (annotator,),
        )
        import numpy as np

        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def entity_names(self) -> dict[int, str]:
        """Entity names by rowid (as `annotation_columns` names entities)."""
        return dict(
            # The same test as `annotation_columns` makes of the entity it joins.
            self.conn.execute(
                "SELECT e.rowid, e.name FROM entities e WHERE typeof(e.name) = 'text'"
            )
        )

    def annotator_ids(self) -> dict[str, int]:
        rows = self.conn.execute(f"SELECT id, name FROM annotators WHERE {row_ok('annotators')}")
        return {name: n for n, name in rows}

    # ----------------------------------------------------------------- exports and imports

    # The columns `annotation_table` can give, by name, as SQL.
    _TABLE = {
        "document_id": "a.document_id",
        "document_title": "d.title",
        "document_sha256": "d.sha256",
        "annotator": "p.name",
        "layer": "a.layer",
        "start": "a.start",
        "end": 'a."end"',
        "text": "a.text",
        "id": "a.id",
        "origin": "a.origin",
        "created_at": "a.created_at",
        "modified_at": "a.modified_at",
        "attributes": "a.attributes",
        "entity": "e.name",
        "entity_id": "a.entity_id",
        "link_id": "a.link_id",
        "link_text": "l.text",
        "link_entity": "le.name",
        "stance_target": "s.target",
        "stance_value": "s.value",
        # Only layers with stances are looked up ({stance_layers} is filled in).
        "stances": (
            "CASE WHEN a.layer IN ({stance_layers}) THEN "
            "(SELECT json_group_array(json_array(target, value)) FROM "
            "(SELECT target, value FROM stances WHERE annotation_id = a.id "
            f"AND {row_ok('stances')} ORDER BY position)) "
            "ELSE '[]' END"
        ),
    }
    # Large exports read the file through a memory map: index lookups then skip a system call.
    _EXPORT_MMAP_BYTES = 1 << 30

    def annotation_table(
        self,
        columns: Sequence[str | tuple[str, ...]],
        *,
        document_ids: Sequence[str] | None = None,
        annotators: Sequence[str] | None = None,
        layers: Sequence[str] | None = None,
        per_stance: bool = True,
        escape_starts: str = "",
    ) -> Iterator[tuple]:
        """Stream annotations as rows of the named columns, in the order they were stored
        (sorting a million rows by document and position would cost as much as the rest).

        A column is a name of `_TABLE`, `attribute:NAME` (a plain attribute's value), or a tuple
        of those (the first that is not empty). With `per_stance` an annotation gives one row per
        stance (`stance_target`, `stance_value`), or one row when it has none. Every text cell
        starting with a character of `escape_starts` gets a leading apostrophe (the spreadsheet
        formula guard), whatever its column: a merged or hand-edited file can put anything in
        any column; numbers stay numbers. One query whose rows are streamed: exports of millions
        of rows never hold them, and no Python code runs per cell.
        """
        stance_layers = ", ".join(f"'{x.name}'" for x in self.schema.layers if x.has_stance)
        select = []
        for column in columns:
            names = column if isinstance(column, tuple) else (column,)
            parts = [self._table_column(name) for name in names]
            sql = parts[0] if len(parts) == 1 else f"coalesce({', '.join(parts)})"
            # Each column comes from a row that passed its check, or is NULL: its type is known.
            kind = "number" if set(names) <= _NUMBERS else "text" if set(names) <= _TEXTS else ""
            select.append(
                _guarded(sql.replace("{stance_layers}", stance_layers), escape_starts, kind)
            )
        chosen: list[str] = []
        params: list[str] = []
        # A JSON list as one parameter: no limit on the number of ids or names.
        for values, expr in (
            (document_ids, "a.document_id"),
            (annotators, "p.name"),
            (layers, "a.layer"),
        ):
            if values is not None:
                chosen.append(f"{expr} IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(list(values)))

        def query(checked: bool) -> str:
            """The query. Rows of the wrong type or shape are left out (`annotator check` names
            them); `checked`: no row of the tables read is, so none is tested as it streams."""

            def ok(condition: str) -> str:
                return "1" if checked else condition

            # A NULL key skips the search: only layers with stances are looked up.
            stances = (
                "LEFT JOIN stances s ON s.annotation_id = "
                f"CASE WHEN a.layer IN ({stance_layers}) THEN a.id END AND "
                f"{ok(row_ok('stances', 's'))}"
                if per_stance
                else ""
            )
            where = [
                ok(bulk_row_ok("annotations", "a")),
                ok(bulk_row_ok("documents", "d")),
                ok(bulk_row_ok("annotators", "p")),
                *chosen,
            ]
            return f"""
                SELECT {", ".join(select)}
                FROM annotations a
                JOIN documents d ON d.id = a.document_id
                JOIN annotators p ON p.id = a.annotator_id
                LEFT JOIN entities e ON e.id = a.entity_id AND {ok(bulk_row_ok("entities", "e"))}
                LEFT JOIN annotations l
                    ON l.id = a.link_id AND {ok(bulk_row_ok("annotations", "l"))}
                LEFT JOIN entities le
                    ON le.id = l.entity_id AND {ok(bulk_row_ok("entities", "le"))}
                {stances}
                WHERE {" AND ".join(where)}
                ORDER BY a.rowid{", s.position" * per_stance}
            """

        def rows() -> Iterator[tuple]:
            before = self.conn.execute("PRAGMA mmap_size").fetchone()[0]
            self.conn.execute(f"PRAGMA mmap_size = {max(before, self._EXPORT_MMAP_BYTES)}")
            # One read transaction: the check of every row and the stream see the same rows.
            began = not self.conn.in_transaction
            if began:
                self.conn.execute("BEGIN")
            try:
                # A selection is tested row by row: a scan of every table would cost more.
                checked = not chosen and self._all_rows_ok(per_stance)
                yield from self.conn.execute(query(checked), params)
            finally:
                if began:
                    self.conn.execute("COMMIT")
                self.conn.execute(f"PRAGMA mmap_size = {before}")

        return rows()

    def _all_rows_ok(self, stances: bool) -> bool:
        """Whether every row of the tables `annotation_table` reads passes its check. One scan
        per table (about a second per million annotations); the stream then tests no row, which
        costs several times that (a linked row is tested again for each row linking to it)."""
        if self._sound_at is not None and self._sound_at == self._file_version():
            return True
        tables = ["annotations", "documents", "annotators", "entities"] + ["stances"] * stances
        for table in tables:
            check = row_ok(table, "x") if table == "stances" else bulk_row_ok(table, "x")
            found = f"SELECT EXISTS (SELECT 1 FROM {table} x WHERE NOT {check})"
            if self.conn.execute(found).fetchone()[0]:
                return False
        return True

    def _file_version(self) -> tuple[int, int]:
        """What changes whenever the file does: SQLite's count of other connections' commits
        and this connection's count of changed rows."""
        other = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return other, self.conn.total_changes

    def _table_column(self, name: str) -> str:
        """The SQL of a column."""
        if not name.startswith("attribute:"):
            return self._TABLE[name]
        attribute = name.removeprefix("attribute:")
        if not any(layer.attribute(attribute) for layer in self.schema.layers):
            raise ValueError(f"no attribute {attribute!r} in the schema")
        return _attribute(attribute)


# What `annotation_columns` reads of an annotation row beyond rowids: a row it may count.
_COLUMNS_OK = bulk_row_ok("annotations", "a", ("annotator_id", "start", "end", "attributes"))


class _SideReader(BulkReads):
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        conn.text_factory = read_text


# `annotation_table` columns that are whole numbers or NULL, and those that are text or NULL,
# in every row their checks let through.
_NUMBERS = {"start", "end"}
_TEXTS = set(BulkReads._TABLE) - _NUMBERS


def _guarded(sql: str, starts: str, kind: str = "") -> str:
    """`sql` with an apostrophe before text values starting with a character of `starts`;
    `kind`: what `sql` gives besides NULL, "number" or "text" ("" when it may be either)."""
    if not starts or kind == "number":
        return sql
    codes = ", ".join(str(ord(ch)) for ch in starts)
    # typeof: a negative number is a number to a spreadsheet, not a formula; left as it is.
    typed = "" if kind == "text" else f" AND typeof({sql}) = 'text'"
    # Before it, comparisons of bytes (no function call, as UTF-8 sorts as code points do):
    # only texts starting at or below the highest start, and not with a digit as ids and
    # times do, are tested further.
    quick = f"{sql} < char({max(map(ord, starts)) + 1})"
    if not any(ch.isdigit() for ch in starts):
        quick += f" AND ({sql} < '0' OR {sql} >= ':')"
    return (
        f"CASE WHEN {quick} AND unicode({sql}) IN ({codes}){typed} "
        f"THEN '''' || {sql} ELSE {sql} END"
    )


def _attribute(name: str) -> str:
    # Schema names are lower-case identifiers, so one can stand in the JSON path.
    return f"json_extract(a.attributes, '$.{name}')"


def _category_case(value: str, expected: Sequence[str]) -> tuple[str, list[str]]:
    """SQL numbering a text value by its position among `expected` (-1 for none, -2 for
    another value), and its parameters."""
    case = (
        f"CASE coalesce({value}, '') WHEN '' THEN -1 "
        + " ".join(f"WHEN ? THEN {n}" for n in range(len(expected)))
        + " ELSE -2 END"
    )
    return case, list(expected)


def _lookup(keys: np.ndarray, known: np.ndarray, values: np.ndarray) -> np.ndarray:
    """For each key, the value paired with it in (known, values), -1 when it has none."""
    import numpy as np

    found = np.full(len(keys), -1, dtype=np.int64)
    if len(known):
        order = np.argsort(known)
        at = np.minimum(np.searchsorted(known[order], keys), len(known) - 1)
        hit = known[order][at] == keys
        found[hit] = values[order][at[hit]]
    return found


def _numbers(text: str | None) -> np.ndarray:
    """The integers of a group_concat (None when there were no rows)."""
    import numpy as np

    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def _of_documents(alias: str, document_ids: Sequence[str] | None) -> tuple[str, list[str]]:
    """A condition (" AND ...") keeping the annotations `alias` of `document_ids` (None: all),
    and its parameter: the ids as one JSON list, so there is no limit on their number."""
    if document_ids is None:
        return "", []
    return (
        f" AND {alias}.document_id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(document_ids))],
    )
