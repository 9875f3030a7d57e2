"""A strict reader of brat standoff, written for the tests from the format's description
(https://brat.nlplab.org/standoff.html) and brat's configuration description
(https://brat.nlplab.org/configuration.html), not from any reader's code.

It accepts only what the description shows, and refuses the rest with the line:

    T<n>  TAB TYPE START END[;START END]...  TAB TEXT    text-bound; TEXT = the fragments
                                                         of the .txt joined by one space
    R<n>  TAB TYPE ROLE:ID ROLE:ID                       relation between T or E ids
    E<n>  TAB TYPE:TID [ROLE:ID]...                      event with its trigger
    A<n>  TAB TYPE ID [VALUE]                            attribute (M<n>: the old form)
    N<n>  TAB TYPE ID DB:DBID  TAB TEXT                  normalization
    #<n>  TAB TYPE ID  TAB TEXT                          note
    *     TAB TYPE ID ID...                              equivalence

Ids are unique in a file; every id referred to is defined in it; offsets are code points
into the .txt; no field has spaces at its edges. With an annotation.conf, every entity,
relation, event and attribute type (and attribute value) used must be declared there, and an
event's arguments must be as its [events] line declares them (`TYPE<TAB>ROLE[?*+]:T1|T2, ...`:
each role once unless `*` or `+`, the argument of one of the types). As brat's own reader
(server/src/annotation.py, `_sanity`) demands, an event's trigger is a text-bound annotation of
the event's type, and no line but an event names a trigger (notes and attributes name the
event). A mandatory argument left out is accepted: brat writes such events itself, and its
verifier calls them incomplete, not wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

TYPE = r"[A-Za-z0-9_][A-Za-z0-9_\-]*"
_ID = {kind: re.compile(rf"{re.escape(kind)}[0-9]+") for kind in "TREAMN#"}
_OFFSETS = re.compile(r"[0-9]+ [0-9]+(;[0-9]+ [0-9]+)*")


class StandoffError(ValueError):
    pass


@dataclass
class Config:
    entities: set[str] = field(default_factory=set)
    relations: set[str] = field(default_factory=set)
    # event type -> role -> (argument types, quantifier: "", "?", "*" or "+")
    events: dict[str, dict[str, tuple[set[str], str]]] = field(default_factory=dict)
    attributes: dict[str, set[str]] = field(default_factory=dict)  # name -> values


def read_config(path: Path) -> Config:
    """The type names an annotation.conf declares, by section."""
    config, section = Config(), None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        heading = re.fullmatch(r"\[(entities|relations|events|attributes)\]", stripped)
        if heading:
            section = heading.group(1)
            continue
        if section is None:
            raise StandoffError(f"{path}:{number}: a line outside any section")
        name, _, rest = stripped.partition("\t")
        if section == "entities":
            config.entities.add(name.strip())
        elif section == "relations":
            if not name.startswith("<"):  # <OVERLAP> and other built-ins
                config.relations.add(name)
        elif section == "events":
            roles = {}
            for argument in filter(None, (a.strip() for a in rest.split(","))):
                role = re.fullmatch(rf"({TYPE}?)([?*+]?):((?:{TYPE})(?:\|{TYPE})*)", argument)
                if role is None:
                    raise StandoffError(f"{path}:{number}: bad event argument {argument!r}")
                roles[role.group(1)] = (set(role.group(3).split("|")), role.group(2))
            config.events[name] = roles
        else:
            values = re.search(r"Value:([^,]*)", rest)
            config.attributes[name] = set(values.group(1).split("|")) if values else set()
    return config


def parse(ann: Path, txt: Path, config: Config | None = None) -> dict[str, tuple]:
    """Every annotation of the file by id; raises StandoffError naming the line."""
    text = txt.read_bytes().decode("utf-8")
    found: dict[str, tuple] = {}
    refs: list[tuple[int, str]] = []
    events: list[tuple[int, str, str, list[tuple[str, str]]]] = []
    lines = ann.read_bytes().decode("utf-8").split("\n")
    for number, line in enumerate(lines, 1):
        if line == "":
            continue
        where = f"{ann}:{number}"
        ident = line.split("\t", 1)[0]
        kind = ident[:1]
        # The text of text-bound, normalization and note lines is the rest of the line.
        fields = line.split("\t", 2) if kind in "TN#" else line.split("\t")
        if ident != "*" and (kind not in _ID or not _ID[kind].fullmatch(ident)):
            raise StandoffError(f"{where}: bad id {ident!r}")
        if ident != "*" and ident in found:
            raise StandoffError(f"{where}: id {ident} defined twice")
        if any(f != f.strip(" ") for f in fields[1:2]):
            raise StandoffError(f"{where}: spaces at the edge of a field")
        if kind == "T":
            if len(fields) != 3:
                raise StandoffError(f"{where}: a text-bound line has three fields")
            kind_type, _, offsets = fields[1].partition(" ")
            if not re.fullmatch(TYPE, kind_type) or not _OFFSETS.fullmatch(offsets):
                raise StandoffError(f"{where}: bad type or offsets {fields[1]!r}")
            pieces = [tuple(map(int, p.split(" "))) for p in offsets.split(";")]
            last = 0
            for start, end in pieces:
                if not last <= start <= end <= len(text):
                    raise StandoffError(f"{where}: fragment {start} {end} out of order or text")
                last = end
            if fields[2] != " ".join(text[s:e] for s, e in pieces):
                raise StandoffError(f"{where}: the text does not match the .txt")
            if config is not None and kind_type not in config.entities | set(config.events):
                raise StandoffError(f"{where}: type {kind_type!r} not in annotation.conf")
            found[ident] = ("T", kind_type, tuple(pieces), fields[2])
        elif kind == "R":
            parts = fields[1].split(" ") if len(fields) == 2 else []
            args = [p.partition(":") for p in parts[1:]]
            if (
                len(parts) != 3
                or not re.fullmatch(TYPE, parts[0])
                or not all(colon and re.fullmatch(TYPE, role) for role, colon, _ in args)
            ):
                raise StandoffError(f"{where}: a relation is 'TYPE ROLE:ID ROLE:ID'")
            if config is not None and parts[0] not in config.relations:
                raise StandoffError(f"{where}: relation {parts[0]!r} not in annotation.conf")
            refs += [(number, target) for _, _, target in args]
            found[ident] = ("R", parts[0], tuple((r, t) for r, _, t in args))
        elif kind == "E":
            parts = fields[1].split(" ") if len(fields) == 2 else []
            head = parts[0].partition(":") if parts else ("", "", "")
            args = [p.partition(":") for p in parts[1:]]
            if (
                not head[1]
                or not re.fullmatch(TYPE, head[0])
                or not _ID["T"].fullmatch(head[2])
                or not all(
                    re.fullmatch(TYPE, r) and c and re.fullmatch(r"[TE][0-9]+", t)
                    for r, c, t in args
                )
            ):
                raise StandoffError(f"{where}: an event is 'TYPE:TRIGGER ROLE:ID ...'")
            if config is not None and head[0] not in config.events:
                raise StandoffError(f"{where}: event {head[0]!r} not in annotation.conf")
            refs += [(number, head[2])] + [(number, t) for _, _, t in args]
            events.append((number, head[0], head[2], [(r, t) for r, _, t in args]))
            found[ident] = ("E", head[0], head[2], tuple((r, t) for r, _, t in args))
        elif kind in "AM":
            parts = fields[1].split(" ") if len(fields) == 2 else []
            if len(parts) not in (2, 3) or not re.fullmatch(TYPE, parts[0]):
                raise StandoffError(f"{where}: an attribute is 'TYPE ID [VALUE]'")
            if config is not None:
                if parts[0] not in config.attributes:
                    raise StandoffError(f"{where}: attribute {parts[0]!r} not in annotation.conf")
                if len(parts) == 3 and parts[2] not in config.attributes[parts[0]]:
                    raise StandoffError(f"{where}: value {parts[2]!r} not in annotation.conf")
            refs.append((number, parts[1]))
            found[ident] = ("A", parts[0], parts[1], parts[2] if len(parts) == 3 else None)
        elif kind == "N":
            parts = fields[1].split(" ") if len(fields) == 3 else []
            if len(parts) != 3 or ":" not in parts[2] or not re.fullmatch(TYPE, parts[0]):
                raise StandoffError(f"{where}: a normalization is 'TYPE ID DB:ID<TAB>TEXT'")
            refs.append((number, parts[1]))
            found[ident] = ("N", parts[0], parts[1], parts[2], fields[2])
        elif kind == "#":
            parts = fields[1].split(" ") if len(fields) == 3 else []
            if len(parts) != 2 or not re.fullmatch(TYPE, parts[0]):
                raise StandoffError(f"{where}: a note is 'TYPE ID<TAB>TEXT'")
            refs.append((number, parts[1]))
            found[ident] = ("#", parts[0], parts[1], fields[2])
        else:  # *
            parts = fields[1].split(" ") if len(fields) == 2 else []
            if len(parts) < 3:
                raise StandoffError(f"{where}: an equivalence is 'TYPE ID ID ...'")
            refs += [(number, t) for t in parts[1:]]
    for number, target in refs:
        if target not in found:
            raise StandoffError(f"{ann}:{number}: {target!r} is not defined in the file")
    triggers = set()
    for number, kind, trigger, args in events:
        if found[trigger][0] != "T" or found[trigger][1] != kind:
            raise StandoffError(f"{ann}:{number}: the trigger {trigger} is not a {kind} span")
        triggers.add(trigger)
        if config is not None:
            _check_event_arguments(f"{ann}:{number}", config.events[kind], args, found)
    for number, target in refs:
        if target in triggers and not lines[number - 1].startswith("E"):
            raise StandoffError(f"{ann}:{number}: only an event may name the trigger {target}")
    return found


def _check_event_arguments(where, roles, args, found) -> None:
    """The arguments of an event against its [events] declaration."""
    counts: dict[str, int] = {}
    for role, target in args:
        if role not in roles:
            raise StandoffError(f"{where}: role {role!r} not declared for the event")
        types, _ = roles[role]
        if found[target][1] not in types:
            raise StandoffError(f"{where}: {role} {target} is a {found[target][1]}, not {types}")
        counts[role] = counts.get(role, 0) + 1
    for role, (_, quantifier) in roles.items():
        if counts.get(role, 0) > 1 and quantifier not in ("*", "+"):
            raise StandoffError(f"{where}: {role} given more than once")


def parse_folder(folder: Path) -> dict[Path, dict[str, tuple]]:
    """Every .ann under `folder` read strictly, with the annotation.conf at its top."""
    config = read_config(folder / "annotation.conf")
    return {
        ann: parse(ann, ann.with_suffix(".txt"), config) for ann in sorted(folder.rglob("*.ann"))
    }
