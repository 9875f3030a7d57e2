"""The shared project's database: its versioned schema, its members (one database role each)
and the row-level security policies that let each role change only what it owns.

Every synchronised row carries `seq`, a number from one server-wide sequence handed out under
a row lock members cannot take themselves (version 2; version 1 used an advisory lock any role
could hold): writers take their numbers one transaction at a time, so a client that has seen
number N has seen every number below it (Anki's usn, made safe for concurrent writers).
Deleted annotations stay as tombstones (`deleted` true), never removed.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from annotator.core.errors import AnnotatorError, Message

ROLES = ("annotator", "curator", "coordinator")
GOLD = "gold"  # the annotator name of adjudicated (gold) annotations: owned by curators

try:
    import psycopg
    from psycopg import sql
except ImportError:  # the `team` extra is not installed
    psycopg = None  # type: ignore[assignment]
    sql = None  # type: ignore[assignment]

# The driver logs a second line ("error ignored terminating <psycopg.Pipeline [BAD]>") when a
# connection breaks inside a batch; the error itself is reported once, by `refused`. Without a
# handler of its own Python would print it on stderr; a window's log file still gets it.
logging.getLogger("psycopg").addHandler(logging.NullHandler())


class ServerError(AnnotatorError):
    """The team server cannot be reached, refused a change, or is not a team project."""


class ServerUnreachableError(ServerError):
    """The team server did not answer or the connection broke: work offline, retry later."""


class ServerRefusedLoginError(ServerError):
    """The team server answered but refused the login (wrong or missing password, unknown role
    or database, no right to connect): retrying will not help until that is put right."""


class ServerBusyError(ServerError):
    """A sync waited too long for the lock every writer takes (another member's transaction
    held it): nothing was changed; try again shortly."""


BUSY = Message("the team server is busy (another member's transaction holds it); try again shortly")
# How long a sync's transaction waits for a lock, and how long one statement may run, before
# it gives up with ServerBusyError (PostgreSQL's lock_timeout and statement_timeout).
LOCK_TIMEOUT = "10s"
STATEMENT_TIMEOUT = "120s"


def limit_waits(conn: psycopg.Connection) -> None:
    """In the caller's server transaction: wait at most LOCK_TIMEOUT for a lock and run no
    statement longer than STATEMENT_TIMEOUT (then ServerBusyError, through `refused`)."""
    conn.execute(
        sql.SQL("SET LOCAL lock_timeout = {}; SET LOCAL statement_timeout = {}").format(
            sql.Literal(LOCK_TIMEOUT), sql.Literal(STATEMENT_TIMEOUT)
        )
    )


def connect(url: str, **kwargs) -> psycopg.Connection:
    """A connection to the team server at a libpq URL or key=value string (password from the
    URL, PGPASSWORD or ~/.pgpass). ServerError with libpq's reason when it fails."""
    if psycopg is None:
        raise ServerError(
            "team projects need the PostgreSQL driver: pip install 'arabic-news-annotator[team]'"
        )
    try:
        # Autocommit: each `conn.transaction()` block is then one server transaction.
        return psycopg.connect(url, connect_timeout=10, autocommit=True, **kwargs)
    except psycopg.Error as exc:
        reason = _first_line(exc)
        if _login_refused(exc, reason):
            raise ServerRefusedLoginError(
                Message("the team server refused the login: %1", reason)
            ) from None
        raise ServerUnreachableError(Message("cannot reach the team server: %1", reason)) from None


# SQLSTATEs of a server that answered and said no (PostgreSQL's errcodes: class 28, invalid
# authorization; 3D000, no such database; 42501, no CONNECT right).
_REFUSED_STATES = {"28000", "28P01", "3D000", "42501"}
# libpq's own words when the server asked for a password it was not given.
_REFUSED_WORDS = ("password", "authentication failed", "does not exist", "pg_hba.conf")


def _login_refused(exc: BaseException, reason: str) -> bool:
    state = getattr(exc, "sqlstate", None)
    return state in _REFUSED_STATES or any(w in reason for w in _REFUSED_WORDS)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@contextmanager
def refused() -> Iterator[None]:
    """Turn the server's refusals into ServerError with its one-line reason."""
    if psycopg is None:
        yield
        return
    try:
        yield
    except psycopg.errors.InsufficientPrivilege as exc:
        raise ServerError(
            Message("the team server refused the change: %1", _first_line(exc))
        ) from None
    except (psycopg.errors.LockNotAvailable, psycopg.errors.QueryCanceled):
        raise ServerBusyError(BUSY) from None
    except psycopg.OperationalError as exc:
        raise ServerUnreachableError(
            Message("the connection to the team server broke: %1", _first_line(exc))
        ) from None
    except psycopg.Error as exc:
        raise ServerError(Message("team server: %1", _first_line(exc))) from None


_V1 = """
CREATE TABLE team_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE members (
    db_role text PRIMARY KEY,
    annotator text NOT NULL UNIQUE,
    role text NOT NULL CHECK (role IN ('annotator', 'curator', 'coordinator')),
    added_at timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE change_seq;
CREATE FUNCTION team_annotator() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT annotator FROM members WHERE db_role = current_user $$;
CREATE FUNCTION team_role() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT role FROM members WHERE db_role = current_user $$;
-- Numbers are taken one writing transaction at a time (the lock is held until commit), so
-- they become visible in order: a reader that saw N saw everything below N.
CREATE FUNCTION next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(4242424242);
    NEW.seq := nextval('change_seq');
    RETURN NEW;
END $$;
CREATE TABLE label_schema (
    id int PRIMARY KEY CHECK (id = 1),
    text text NOT NULL,
    seq bigint NOT NULL
);
CREATE TABLE documents (
    id text PRIMARY KEY,
    title text NOT NULL,
    text text NOT NULL,
    sha256 text NOT NULL UNIQUE,
    source text,
    imported_at text NOT NULL,
    metadata text NOT NULL DEFAULT '{}',
    seq bigint NOT NULL
);
CREATE TABLE entities (
    id text PRIMARY KEY,
    name text NOT NULL,
    kind text,
    aliases text NOT NULL DEFAULT '[]',
    created_at text NOT NULL,
    seq bigint NOT NULL
);
CREATE TABLE annotations (
    id text PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents(id),
    annotator text NOT NULL,
    layer text NOT NULL,
    start int NOT NULL,
    "end" int NOT NULL,
    text text NOT NULL,
    attributes text NOT NULL,
    entity_id text,
    link_id text,
    origin text NOT NULL,
    created_at text NOT NULL,
    modified_at text NOT NULL,
    sources text NOT NULL,
    stances text NOT NULL,
    revision int NOT NULL,
    rev text NOT NULL,
    history text NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    seq bigint NOT NULL
);
CREATE TABLE document_status (
    document_id text NOT NULL REFERENCES documents(id),
    annotator text NOT NULL,
    status text NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
    modified_at text NOT NULL,
    seq bigint NOT NULL,
    PRIMARY KEY (document_id, annotator)
);
CREATE TABLE assignments (
    document_id text NOT NULL REFERENCES documents(id),
    annotator text NOT NULL,
    assigned_at text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    seq bigint NOT NULL,
    PRIMARY KEY (document_id, annotator)
);
CREATE TABLE member_syncs (
    db_role text PRIMARY KEY DEFAULT current_user,
    synced_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX annotations_by_seq ON annotations(seq);
CREATE INDEX annotations_by_document ON annotations(document_id, annotator);
CREATE INDEX entities_by_seq ON entities(seq);
CREATE INDEX documents_by_seq ON documents(seq);
CREATE INDEX status_by_seq ON document_status(seq);
CREATE INDEX assignments_by_seq ON assignments(seq);
CREATE TRIGGER label_schema_seq BEFORE INSERT OR UPDATE ON label_schema
    FOR EACH ROW EXECUTE FUNCTION next_seq();
CREATE TRIGGER documents_seq BEFORE INSERT OR UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION next_seq();
CREATE TRIGGER entities_seq BEFORE INSERT OR UPDATE ON entities
    FOR EACH ROW EXECUTE FUNCTION next_seq();
CREATE TRIGGER annotations_seq BEFORE INSERT OR UPDATE ON annotations
    FOR EACH ROW EXECUTE FUNCTION next_seq();
CREATE TRIGGER status_seq BEFORE INSERT OR UPDATE ON document_status
    FOR EACH ROW EXECUTE FUNCTION next_seq();
CREATE TRIGGER assignments_seq BEFORE INSERT OR UPDATE ON assignments
    FOR EACH ROW EXECUTE FUNCTION next_seq();
ALTER TABLE label_schema ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE entities ENABLE ROW LEVEL SECURITY;
ALTER TABLE annotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_status ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_syncs ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON label_schema FOR SELECT USING (true);
CREATE POLICY everyone_reads ON documents FOR SELECT USING (true);
CREATE POLICY everyone_reads ON entities FOR SELECT USING (true);
CREATE POLICY everyone_reads ON annotations FOR SELECT USING (true);
CREATE POLICY everyone_reads ON document_status FOR SELECT USING (true);
CREATE POLICY everyone_reads ON assignments FOR SELECT USING (true);
CREATE POLICY everyone_reads ON member_syncs FOR SELECT USING (true);
CREATE POLICY coordinator_writes ON label_schema FOR INSERT
    WITH CHECK (team_role() = 'coordinator');
CREATE POLICY coordinator_changes ON label_schema FOR UPDATE
    USING (team_role() = 'coordinator') WITH CHECK (team_role() = 'coordinator');
CREATE POLICY coordinator_writes ON documents FOR INSERT
    WITH CHECK (team_role() = 'coordinator');
CREATE POLICY coordinator_changes ON documents FOR UPDATE
    USING (team_role() = 'coordinator') WITH CHECK (team_role() = 'coordinator');
CREATE POLICY coordinator_writes ON assignments FOR INSERT
    WITH CHECK (team_role() = 'coordinator');
CREATE POLICY coordinator_changes ON assignments FOR UPDATE
    USING (team_role() = 'coordinator') WITH CHECK (team_role() = 'coordinator');
-- Speaker entities are shared by everyone's mentions: every member may add and rename them.
CREATE POLICY members_write ON entities FOR INSERT WITH CHECK (team_role() IS NOT NULL);
CREATE POLICY members_change ON entities FOR UPDATE
    USING (team_role() IS NOT NULL) WITH CHECK (team_role() IS NOT NULL);
-- An annotation (deleted or not) is its annotator's; gold is the curators'.
CREATE POLICY owner_writes ON annotations FOR INSERT WITH CHECK (
    CASE WHEN annotator = 'gold' THEN team_role() = 'curator'
         ELSE annotator = team_annotator() END);
CREATE POLICY owner_changes ON annotations FOR UPDATE
    USING (CASE WHEN annotator = 'gold' THEN team_role() = 'curator'
                ELSE annotator = team_annotator() END)
    WITH CHECK (CASE WHEN annotator = 'gold' THEN team_role() = 'curator'
                     ELSE annotator = team_annotator() END);
CREATE POLICY owner_writes ON document_status FOR INSERT WITH CHECK (
    CASE WHEN annotator = 'gold' THEN team_role() = 'curator'
         ELSE annotator = team_annotator() END);
CREATE POLICY owner_changes ON document_status FOR UPDATE
    USING (CASE WHEN annotator = 'gold' THEN team_role() = 'curator'
                ELSE annotator = team_annotator() END)
    WITH CHECK (CASE WHEN annotator = 'gold' THEN team_role() = 'curator'
                     ELSE annotator = team_annotator() END);
CREATE POLICY owner_writes ON member_syncs FOR INSERT WITH CHECK (db_role = current_user);
CREATE POLICY owner_changes ON member_syncs FOR UPDATE
    USING (db_role = current_user) WITH CHECK (db_role = current_user);
"""

# Version 2: what members may do with plain SQL no longer stops or fools sync.
# - Change numbers are taken under a row lock of `seq_lock`, a table members have no right
#   to (a SECURITY DEFINER function takes it for them), not under an advisory lock any role
#   could take and hold; sync's transactions wait for it at most `exchange.LOCK_TIMEOUT`.
# - A shared document's text never changes, and a new one's SHA-256 is its text's.
# - Every change of an annotation is a new revision: an UPDATE that keeps the revision name
#   gets the next revision (the old name goes into its history), so it reaches every copy;
#   a live annotation's text is its document's text between its offsets (code points).
# - When a member last synced is the server's clock, not what the member writes.
_V2 = """
CREATE TABLE seq_lock (id int PRIMARY KEY CHECK (id = 1));
INSERT INTO seq_lock VALUES (1);
REVOKE ALL ON seq_lock FROM PUBLIC;
CREATE FUNCTION take_seq() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM 1 FROM seq_lock WHERE id = 1 FOR UPDATE;
    RETURN nextval('change_seq');
END $$;
CREATE OR REPLACE FUNCTION next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.seq := take_seq();
    RETURN NEW;
END $$;
CREATE FUNCTION document_text_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.text IS DISTINCT FROM OLD.text
                             OR NEW.sha256 IS DISTINCT FROM OLD.sha256) THEN
        RAISE EXCEPTION 'document % is shared: its text cannot change', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.sha256 IS DISTINCT FROM encode(sha256(convert_to(NEW.text, 'UTF8')), 'hex') THEN
        RAISE EXCEPTION 'document %: sha256 is not the SHA-256 of its text', NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.id IS DISTINCT FROM OLD.id THEN
        RAISE EXCEPTION 'document % is shared: its id cannot change', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER documents_text_fixed BEFORE INSERT OR UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION document_text_fixed();
CREATE FUNCTION annotation_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id THEN
        RAISE EXCEPTION 'annotation %: its id cannot change', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.rev = OLD.rev
       AND (to_jsonb(NEW) - 'seq') IS DISTINCT FROM (to_jsonb(OLD) - 'seq') THEN
        NEW.revision := OLD.revision + 1;
        NEW.rev := NEW.revision || '-'
            || substr(md5((to_jsonb(NEW) - 'seq' - 'rev' - 'history')::text), 1, 12);
        NEW.history := (OLD.history::jsonb || to_jsonb(OLD.rev))::text;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER annotations_revision BEFORE UPDATE ON annotations
    FOR EACH ROW EXECUTE FUNCTION annotation_revision();
CREATE FUNCTION annotation_fits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT NEW.deleted AND NEW.text IS DISTINCT FROM (
        SELECT substr(d.text, NEW.start + 1, NEW."end" - NEW.start)
        FROM documents d WHERE d.id = NEW.document_id) THEN
        RAISE EXCEPTION 'annotation %: its text is not the document''s text at %-%',
            NEW.id, NEW.start, NEW."end" USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER annotations_fit BEFORE INSERT OR UPDATE ON annotations
    FOR EACH ROW EXECUTE FUNCTION annotation_fits();
CREATE FUNCTION member_synced_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.db_role := current_user;
    NEW.synced_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER member_syncs_now BEFORE INSERT OR UPDATE ON member_syncs
    FOR EACH ROW EXECUTE FUNCTION member_synced_now();
"""

SERVER_MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SERVER_VERSION = len(SERVER_MIGRATIONS)
_TABLES = (
    "label_schema",
    "documents",
    "entities",
    "annotations",
    "document_status",
    "assignments",
    "member_syncs",
)


def server_version(conn: psycopg.Connection) -> int:
    """The schema version of the team database (0: not a team project yet)."""
    found = conn.execute("SELECT to_regclass('team_meta') IS NOT NULL").fetchone()[0]
    if not found:
        return 0
    row = conn.execute("SELECT value FROM team_meta WHERE key = 'version'").fetchone()
    return int(row[0]) if row else 0


def check_version(conn: psycopg.Connection) -> None:
    """ServerError unless the database is a team project this version can use."""
    version = server_version(conn)
    if version == 0:
        raise ServerError(
            "the database is not a team project yet: run `annotator server init URL` first"
        )
    if version > SERVER_VERSION:
        raise ServerError(
            Message(
                "the team project is of format %1, newer than this version knows (%2); "
                "update the tool",
                version,
                SERVER_VERSION,
            )
        )
    if version < SERVER_VERSION:
        raise ServerError(
            Message(
                "the team project is of format %1: its owner must run `annotator "
                "server init URL` to update it",
                version,
            )
        )


def init(url: str) -> tuple[int, int]:
    """Create or update the team project's schema in the (empty or ours) database at `url`,
    one transaction per version step. Returns (version before, version now)."""
    with connect(url) as conn, refused():
        before = server_version(conn)
        if before > SERVER_VERSION:
            raise ServerError(
                Message("the team project is of format %1, newer than this version knows", before)
            )
        database = conn.info.dbname
        for version in range(before + 1, SERVER_VERSION + 1):
            with conn.transaction():
                conn.execute(SERVER_MIGRATIONS[version - 1])
                conn.execute(
                    "INSERT INTO team_meta (key, value) VALUES ('version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(version),),
                )
                conn.execute(
                    sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(
                        sql.Identifier(database)
                    )
                )
        return before, SERVER_VERSION


def add_member(url: str, name: str, role: str, password: str | None = None) -> str | None:
    """Make `name` a member of the team project with `role` (annotator, curator, coordinator):
    a database role of that name that may log in (created when missing, given `password` or a
    new random one, which is returned; None when the role existed and keeps its password), and
    the rights row-level security then narrows. Run by the database's owner."""
    if role not in ROLES:
        raise ServerError(Message("unknown role %1: one of %2", repr(role), ", ".join(ROLES)))
    if not name.strip() or name == GOLD:
        raise ServerError(Message("%1 cannot be a member's name", repr(name)))
    with connect(url) as conn, refused():
        check_version(conn)
        with conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            given = None
            if not exists:
                given = password or secrets.token_urlsafe(18)
                conn.execute(
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                        sql.Identifier(name), sql.Literal(given)
                    )
                )
            elif password:
                conn.execute(
                    sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                        sql.Identifier(name), sql.Literal(password)
                    )
                )
                given = password
            member = sql.Identifier(name)
            conn.execute(
                sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                    sql.Identifier(conn.info.dbname), member
                )
            )
            conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(member))
            conn.execute(sql.SQL("GRANT USAGE ON SEQUENCE change_seq TO {}").format(member))
            conn.execute(sql.SQL("GRANT SELECT ON team_meta, members TO {}").format(member))
            for table in _TABLES:
                conn.execute(
                    sql.SQL("GRANT SELECT, INSERT, UPDATE ON {} TO {}").format(
                        sql.Identifier(table), member
                    )
                )
            conn.execute(
                "INSERT INTO members (db_role, annotator, role) VALUES (%s, %s, %s) "
                "ON CONFLICT (db_role) DO UPDATE SET role = excluded.role",
                (name, name, role),
            )
        return given


def whoami(conn: psycopg.Connection) -> tuple[str | None, str | None]:
    """(annotator name, role) of the connected database role; (None, None) when it is not a
    member (the owner who created the project)."""
    row = conn.execute("SELECT team_annotator(), team_role()").fetchone()
    return row[0], row[1]
