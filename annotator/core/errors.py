"""The exceptions the core raises; each message is meant to be shown to a researcher as it is."""


class AnnotatorError(Exception):
    """Base class: anything the user can be told about in one line."""


class ProjectError(AnnotatorError):
    """The project file cannot be created, opened or migrated."""


class NotAProjectError(ProjectError):
    """The file exists but is not an annotator project (or not SQLite at all)."""


class ProjectBusyError(ProjectError):
    """Another connection held the project's write lock for longer than the busy timeout."""


class NewerProjectError(ProjectError):
    """The project was written by a newer version of the tool."""


class DamagedProjectError(ProjectError):
    """The project file is cut off or its pages are damaged; a backup should be restored."""


class CheckPendingError(ProjectError):
    """A large project's pages are still being checked (on another thread, `Project.open`):
    nothing is written to it until the check has passed; nothing was changed."""


class ReadOnlyProjectError(ProjectError):
    """The project file, or the folder it is in, cannot be written."""


class DiskFullError(ProjectError):
    """The disk holding the project (or an export) has no room left; nothing was changed."""


class ForeignObjectsError(ProjectError):
    """The project file holds SQL objects (triggers, views, tables, indexes) this tool does not
    make, or ours changed: they could run inside its changes, so it is not opened."""

    def __init__(self, message: str, found: list | None = None):
        super().__init__(message)
        self.found = list(found or [])


class SchemaError(AnnotatorError):
    """The label schema file is invalid."""


class ValidationError(AnnotatorError):
    """An annotation, attribute or value does not fit the schema or the document."""


class DuplicateError(ValidationError):
    """An annotator tagged a span in a layer a second time; `existing` is the id of the
    annotation stored first. `linked`: the layer has links, so a joint statement (one claim
    per speaker) is the way to tag the span again."""

    def __init__(self, annotator: str, layer: str, existing: str, linked: bool):
        self.annotator, self.layer, self.existing, self.linked = annotator, layer, existing, linked
        super().__init__(self.naming(f"annotation {existing}"))

    def naming(self, first: str) -> str:
        """The message, with the first annotation named as `first` ("line 3 of this file")."""
        joint = "; a joint statement is one claim per speaker, each linked to its speaker"
        return (
            f"{self.annotator} has already tagged this span as {self.layer} ({first})"
            f"{joint if self.linked else ''}"
        )


class ConflictError(AnnotatorError):
    """A change was built from a revision that is no longer the stored one (another window or
    command changed or deleted the annotation meanwhile); nothing was changed."""


class NotFoundError(AnnotatorError):
    """A document, annotation, annotator or entity does not exist."""


class InputError(AnnotatorError):
    """An input file is unusable; the message names the file and, where known, the line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        where = path or ""
        if line is not None:
            where = f"{where}:{line}" if where else f"line {line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message
        self.path = path
        self.line = line


class Cancelled(AnnotatorError):
    """The user cancelled a long operation; nothing of it was stored."""


class ExportError(AnnotatorError):
    """An export cannot be written (it would overwrite a file, or leave the chosen folder)."""


class ProjectReplacedError(ProjectError):
    """The project file was replaced or removed since it was opened (a restore, another
    program): a write would land in a file nobody will see, so nothing was written."""
