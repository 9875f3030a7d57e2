"""Bulk reads for exports and agreement: annotations streamed as plain rows in one query.
Mixed into `Project`."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence


class BulkReads:
    def annotation_rows(
        self, annotators: Sequence[str] | None = None, document_ids: Sequence[str] | None = None
    ) -> Iterator[tuple]:
        """Annotations as plain tuples in no particular order, for bulk readers (agreement):
        (id, document_id, annotator, layer, start, end, attributes as JSON text, entity name,
        link_id). One query, streamed; stances come from `stance_rows`."""
        sql = (
            'SELECT a.id, a.document_id, p.name, a.layer, a.start, a."end", a.attributes, '
            "e.name, a.link_id FROM annotations a JOIN annotators p ON p.id = a.annotator_id "
            "LEFT JOIN entities e ON e.id = a.entity_id WHERE 1"
        )
        params = []
        # A JSON list as one parameter: no limit on the number of names or ids.
        if annotators is not None:
            sql += " AND p.name IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(annotators)))
        if document_ids is not None:
            sql += " AND a.document_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(document_ids)))
        return iter(self.conn.execute(sql, params))

    def stance_rows(self) -> Iterator[tuple[str, str, str]]:
        """Every stance as (annotation_id, target, value), in no particular order."""
        return iter(self.conn.execute("SELECT annotation_id, target, value FROM stances"))

    # ----------------------------------------------------------------- exports and imports

    # The columns `annotation_table` can give, by name, and whether people type their text
    # (only such cells can start like a spreadsheet formula; ids, times and JSON cannot).
    _TABLE = {
        "document_id": ("a.document_id", True),
        "document_title": ("d.title", True),
        "document_sha256": ("d.sha256", False),
        "annotator": ("p.name", True),
        "layer": ("a.layer", False),
        "start": ("a.start", False),
        "end": ('a."end"', False),
        "text": ("a.text", True),
        "id": ("a.id", False),
        "origin": ("a.origin", False),
        "created_at": ("a.created_at", False),
        "modified_at": ("a.modified_at", False),
        "attributes": ("a.attributes", False),
        "entity": ("e.name", True),
        "entity_id": ("a.entity_id", False),
        "link_id": ("a.link_id", False),
        "link_text": ("l.text", True),
        "link_entity": ("le.name", True),
        "stance_target": ("s.target", True),
        "stance_value": ("s.value", True),
        # Only layers with stances are looked up ({stance_layers} is filled in).
        "stances": (
            "CASE WHEN a.layer IN ({stance_layers}) THEN "
            "(SELECT json_group_array(json_array(target, value)) FROM "
            "(SELECT target, value FROM stances WHERE annotation_id = a.id ORDER BY position)) "
            "ELSE '[]' END",
            False,
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
        stance (`stance_target`, `stance_value`), or one row when it has none. Typed text cells
        starting with a character of `escape_starts` get a leading apostrophe (the spreadsheet
        formula guard). One query whose rows are streamed: exports of millions of rows never
        hold them, and no Python code runs per cell.
        """
        starts = ", ".join(str(ord(ch)) for ch in escape_starts)
        stance_layers = ", ".join(f"'{x.name}'" for x in self.schema.layers if x.has_stance)
        select = []
        for column in columns:
            names = column if isinstance(column, tuple) else (column,)
            parts = [self._table_column(name, escape_starts) for name in names]
            sql = parts[0][0] if len(parts) == 1 else f"coalesce({', '.join(p for p, _ in parts)})"
            sql = sql.replace("{stance_layers}", stance_layers)
            if starts and any(typed for _, typed in parts):
                sql = f"CASE WHEN unicode({sql}) IN ({starts}) THEN '''' || {sql} ELSE {sql} END"
            select.append(sql)
        where, params = ["1"], []
        # A JSON list as one parameter: no limit on the number of ids or names.
        for values, expr in (
            (document_ids, "a.document_id"),
            (annotators, "p.name"),
            (layers, "a.layer"),
        ):
            if values is not None:
                where.append(f"{expr} IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(list(values)))
        # A NULL key skips the search: only layers with stances are looked up.
        stances = (
            "LEFT JOIN stances s ON s.annotation_id = "
            f"CASE WHEN a.layer IN ({stance_layers}) THEN a.id END"
            if per_stance
            else ""
        )
        sql = f"""
            SELECT {", ".join(select)}
            FROM annotations a
            JOIN documents d ON d.id = a.document_id
            JOIN annotators p ON p.id = a.annotator_id
            LEFT JOIN entities e ON e.id = a.entity_id
            LEFT JOIN annotations l ON l.id = a.link_id
            LEFT JOIN entities le ON le.id = l.entity_id
            {stances}
            WHERE {" AND ".join(where)}
            ORDER BY a.rowid{", s.position" * per_stance}
        """

        def rows() -> Iterator[tuple]:
            before = self.conn.execute("PRAGMA mmap_size").fetchone()[0]
            self.conn.execute(f"PRAGMA mmap_size = {max(before, self._EXPORT_MMAP_BYTES)}")
            try:
                yield from self.conn.execute(sql, params)
            finally:
                self.conn.execute(f"PRAGMA mmap_size = {before}")

        return rows()

    def _table_column(self, name: str, escape_starts: str = "") -> tuple[str, bool]:
        """The SQL of a column, and whether a cell of it may start with `escape_starts`."""
        if not name.startswith("attribute:"):
            return self._TABLE[name]
        attribute = name.removeprefix("attribute:")
        found = [a for layer in self.schema.layers if (a := layer.attribute(attribute))]
        if not found:
            raise ValueError(f"no attribute {attribute!r} in the schema")
        # A choice holds only the schema's values; most cannot start like a formula.
        typed = any(
            a.type != "choice" or any(v.startswith(tuple(escape_starts)) for v in a.values)
            for a in found
        )
        # Schema names are lower-case identifiers, so one can stand in the JSON path.
        return f"json_extract(a.attributes, '$.{attribute}')", typed
