"""Every message template of the Qt-free core, for pyside6-lupdate (context "core").

Written by tools/core_messages.py from annotator/core: do not edit; run
tools/update_translations.sh after changing a message of the core. The interface
translates them in annotator/gui/core_text.py."""

# ruff: noqa: E501
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEMPLATES = (
    QT_TRANSLATE_NOOP("core", "binary file (contains NUL characters), not a text article"),
    QT_TRANSLATE_NOOP("core", "lone surrogate character: the file is damaged"),
    QT_TRANSLATE_NOOP("core", "control character U+%1: a binary file, not a text article"),
    QT_TRANSLATE_NOOP("core", "empty file: no text to annotate"),
    QT_TRANSLATE_NOOP("core", "not valid %1 text (byte %2)%3"),
    QT_TRANSLATE_NOOP("core", "binary file (contains NUL bytes), not a text article"),
    QT_TRANSLATE_NOOP("core", "lone surrogate in %1 text: the file is damaged"),
    QT_TRANSLATE_NOOP("core", "not valid %1: the file ends inside a character"),
    QT_TRANSLATE_NOOP(
        "core",
        "not UTF-8, and not Arabic text in Windows-1256 or ISO-8859-6%1; give its encoding with --encoding",
    ),
    QT_TRANSLATE_NOOP("core", "%1 is not a text encoding"),
    QT_TRANSLATE_NOOP("core", "unknown encoding %1"),
    QT_TRANSLATE_NOOP("core", "the label schema has no layer linking claims to speakers"),
    QT_TRANSLATE_NOOP("core", "only suggestions can be rejected"),
    QT_TRANSLATE_NOOP("core", "only suggestions can be accepted"),
    QT_TRANSLATE_NOOP("core", "choose an annotator other than %1"),
    QT_TRANSLATE_NOOP("core", "%1 %2 is not an ISO 8601 time in UTC (like 2024-05-01T12:00:00Z)"),
    QT_TRANSLATE_NOOP("core", "%1 has already tagged this span as %2 (%3)"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 has already tagged this span as %2 (%3); a joint statement is one claim per speaker, each linked to its speaker",
    ),
    QT_TRANSLATE_NOOP("core", "%1:%2: %3"),
    QT_TRANSLATE_NOOP("core", "annotation %1"),
    QT_TRANSLATE_NOOP("core", "%1: %2"),
    QT_TRANSLATE_NOOP("core", "line %1: %2"),
    QT_TRANSLATE_NOOP("core", "--map applies to doccano, spaCy-style and Label Studio files only"),
    QT_TRANSLATE_NOOP(
        "core",
        "no annotation files in this folder: brat needs .ann files (each beside its .txt), XMI .xmi files with a %1",
    ),
    QT_TRANSLATE_NOOP("core", "--document applies to the gold format only"),
    QT_TRANSLATE_NOOP(
        "core",
        "UIMA CAS XMI: annotations, not articles; import the folder holding TypeSystem.xml and the .xmi files with `annotator import-annotations FOLDER`",
    ),
    QT_TRANSLATE_NOOP("core", "import cancelled; nothing of the batch was stored"),
    QT_TRANSLATE_NOOP(
        "core",
        "UIMA CAS XMI in a zip: annotations, not articles; import them with `annotator import-annotations %1`",
    ),
    QT_TRANSLATE_NOOP("core", "no articles: no JSON object in the file"),
    QT_TRANSLATE_NOOP("core", "%1, not articles: import them with annotator import-annotations"),
    QT_TRANSLATE_NOOP("core", "lone surrogate (\\ud800-\\udfff) in a JSON string: not text"),
    QT_TRANSLATE_NOOP("core", "JSON nested too deeply"),
    QT_TRANSLATE_NOOP("core", 'a JSON %1, not an object ({"text": …})'),
    QT_TRANSLATE_NOOP("core", "not valid JSON: %1 (column %2)"),
    QT_TRANSLATE_NOOP("core", "not valid JSON: a number with too many digits"),
    QT_TRANSLATE_NOOP("core", "not valid JSON: %1"),
    QT_TRANSLATE_NOOP("core", "%1 is a file; brat export needs a folder"),
    QT_TRANSLATE_NOOP("core", "unknown way to write entities %1 (known: %2)"),
    QT_TRANSLATE_NOOP("core", "no .ann files in this folder"),
    QT_TRANSLATE_NOOP("core", "no such file (brat needs the .txt beside the .ann)"),
    QT_TRANSLATE_NOOP("core", "not UTF-8 text"),
    QT_TRANSLATE_NOOP("core", "offsets %1 are not inside the text (0-%2)"),
    QT_TRANSLATE_NOOP("core", "span text %1 does not match the document at %2 (%3)"),
    QT_TRANSLATE_NOOP("core", "empty span %1"),
    QT_TRANSLATE_NOOP("core", "event %1 is not %2"),
    QT_TRANSLATE_NOOP("core", "event type %1 is not %2, the one event read"),
    QT_TRANSLATE_NOOP("core", "event %1 has a %2 but no %3"),
    QT_TRANSLATE_NOOP("core", "%1 is the trigger of a second event (line %2)"),
    QT_TRANSLATE_NOOP("core", "the %1 layer has no link for a %2"),
    QT_TRANSLATE_NOOP("core", "%1 gives %2 the %3 %4, but line %5 gives it %6"),
    QT_TRANSLATE_NOOP(
        "core", "this brat file records no annotator; give one with --annotator NAME"
    ),
    QT_TRANSLATE_NOOP("core", "note %1 is not in the form 'name: value | name: value'"),
    QT_TRANSLATE_NOOP("core", "%1 exists; use --force to overwrite"),
    QT_TRANSLATE_NOOP("core", "cannot read: %1"),
    QT_TRANSLATE_NOOP("core", "not a brat line (no tab after the id)"),
    QT_TRANSLATE_NOOP("core", "offsets %1 are not numbers"),
    QT_TRANSLATE_NOOP(
        "core", "discontinuous span %1: only spans cut at line breaks can be imported"
    ),
    QT_TRANSLATE_NOOP("core", "%1 refers to %2, which is not a text annotation"),
    QT_TRANSLATE_NOOP("core", "attribute %1 has no value (binary ones are not used)"),
    QT_TRANSLATE_NOOP("core", "%1: the %2 %3 is a %4, not a %5"),
    QT_TRANSLATE_NOOP("core", "unknown escape \\%1 in %2"),
    QT_TRANSLATE_NOOP("core", "event id %1 is not E and a number used once"),
    QT_TRANSLATE_NOOP("core", "relation %1 is not 'TYPE Arg1:T.. Arg2:T..'"),
    QT_TRANSLATE_NOOP("core", "%1 %2 is not a UUID"),
    QT_TRANSLATE_NOOP("core", "relation %1 is not a link of layer %2"),
    QT_TRANSLATE_NOOP("core", "\\u%1 in %2 is not a character"),
    QT_TRANSLATE_NOOP("core", "%1 is given twice"),
    QT_TRANSLATE_NOOP("core", "%1 has a second link (line %2 links it to %3)"),
    QT_TRANSLATE_NOOP("core", "normalization %1 is not 'Reference T.. DB:ID'"),
    QT_TRANSLATE_NOOP("core", "%1 has a second entity"),
    QT_TRANSLATE_NOOP("core", "comment %1 is not 'TYPE T..'"),
    QT_TRANSLATE_NOOP("core", "id %1 is not a UUID"),
    QT_TRANSLATE_NOOP(
        "core",
        "events are read only into a project whose schema has a cue layer (annotator init PROJECT --schema attribution)",
    ),
    QT_TRANSLATE_NOOP("core", "comment type %1 is not supported"),
    QT_TRANSLATE_NOOP("core", "stance %1 is not 'target=value'"),
    QT_TRANSLATE_NOOP("core", "unknown note field %1 for layer %2"),
    QT_TRANSLATE_NOOP("core", "equivalences and modifiers are not supported"),
    QT_TRANSLATE_NOOP("core", "unknown brat annotation %1"),
    QT_TRANSLATE_NOOP("core", "unknown %1 field %2"),
    QT_TRANSLATE_NOOP("core", "no document with id %1"),
    QT_TRANSLATE_NOOP("core", "no annotator named %1 (annotators: %2)"),
    QT_TRANSLATE_NOOP(
        "core",
        "document %1 of the project has another text (they differ from code point %2: %3 here, %4 in the file; %5 and %6 code points): the file's text was added as %7",
    ),
    QT_TRANSLATE_NOOP("core", "no annotations in this file"),
    QT_TRANSLATE_NOOP("core", "the document text holds NUL characters: not a text article"),
    QT_TRANSLATE_NOOP(
        "core",
        "this file is in the gold format, which records no annotator; give one with --annotator NAME",
    ),
    QT_TRANSLATE_NOOP("core", "on line %1 of this file"),
    QT_TRANSLATE_NOOP("core", "each line must be a JSON object"),
    QT_TRANSLATE_NOOP("core", "a lone surrogate (\\ud800-\\udfff) in a JSON string: not text"),
    QT_TRANSLATE_NOOP("core", "%1 must be %2, got %3"),
    QT_TRANSLATE_NOOP(
        "core",
        "a JSON Lines export written with --only (no header line, first record of type %1): it is for analysis; import the full jsonl export",
    ),
    QT_TRANSLATE_NOOP("core", "annotation %1, already in the project"),
    QT_TRANSLATE_NOOP("core", "no document in the project has this document_sha256"),
    QT_TRANSLATE_NOOP("core", "unknown record type(s) %1 (known: %2)"),
    QT_TRANSLATE_NOOP("core", "export format version %1; this version reads up to %2"),
    QT_TRANSLATE_NOOP("core", "annotation %1 is given twice"),
    QT_TRANSLATE_NOOP("core", "no document in the project or the file has this sha256"),
    QT_TRANSLATE_NOOP("core", "a stance is a [target, value] pair, got %1"),
    QT_TRANSLATE_NOOP("core", "the document text must be a string"),
    QT_TRANSLATE_NOOP("core", "the document's sha256 does not match its text"),
    QT_TRANSLATE_NOOP("core", "a document needs its text, sha256 or id"),
    QT_TRANSLATE_NOOP("core", "not valid JSON (%1)"),
    QT_TRANSLATE_NOOP(
        "core", "document %1 is not in the project and the file does not hold its text"
    ),
    QT_TRANSLATE_NOOP("core", "document %1 of the project has another text"),
    QT_TRANSLATE_NOOP("core", "entity: %1"),
    QT_TRANSLATE_NOOP("core", "span %1-%2: offsets must be whole numbers"),
    QT_TRANSLATE_NOOP("core", "links to %1, which is not in this file"),
    QT_TRANSLATE_NOOP("core", "annotation %1 is part of a circle of links"),
    QT_TRANSLATE_NOOP("core", "links to %1, which is in neither file nor project"),
    QT_TRANSLATE_NOOP("core", "entity %1 is not in this file"),
    QT_TRANSLATE_NOOP("core", "unknown record type %1"),
    QT_TRANSLATE_NOOP(
        "core", "no %1 holds the article text (none is called %2…); choose one of the %3"
    ),
    QT_TRANSLATE_NOOP("core", "%1no text (the %2 value is empty or missing)"),
    QT_TRANSLATE_NOOP("core", "%1the %2 value is not a string"),
    QT_TRANSLATE_NOOP("core", "%1the %2 value is missing or not a string"),
    QT_TRANSLATE_NOOP("core", "%1no id (the %2 value is empty)"),
    QT_TRANSLATE_NOOP("core", "%1the id is longer than %2 characters"),
    QT_TRANSLATE_NOOP("core", "no %1 %2 for the %3 (%4)"),
    QT_TRANSLATE_NOOP("core", "spaCy changed the text while splitting tokens"),
    QT_TRANSLATE_NOOP(
        "core", "the spaCy export needs spaCy: pip install 'arabic-news-annotator[spacy]'"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1: span annotations, not articles; import them with `annotator import-annotations %2%3` (--map TAG=layer for their labels)",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1: span annotations, not articles; this tool reads Label Studio's full JSON export (Export > JSON, with 'annotations' and 'result'), not JSON-MIN: export again as JSON and run `annotator import-annotations FILE.json`",
    ),
    QT_TRANSLATE_NOOP("core", "no text (the 'text' value is empty, missing or not a string)"),
    QT_TRANSLATE_NOOP("core", "'entities' is not a list"),
    QT_TRANSLATE_NOOP("core", "a task without 'data'"),
    QT_TRANSLATE_NOOP("core", "the task's data has no 'text' (nor one string value)"),
    QT_TRANSLATE_NOOP("core", "a task is not a JSON object"),
    QT_TRANSLATE_NOOP("core", "%1 %2 is a string; offsets must be JSON numbers (code points)"),
    QT_TRANSLATE_NOOP("core", "%1 %2 is not a whole number"),
    QT_TRANSLATE_NOOP("core", "span %1-%2 is not inside the text (%3 code points)%4"),
    QT_TRANSLATE_NOOP(
        "core", "span %1-%2 is %3 in the text, the file says %4 (offsets must be code points)"
    ),
    QT_TRANSLATE_NOOP("core", "span id %1 is given twice"),
    QT_TRANSLATE_NOOP("core", "not a %1 export (a list of tasks with 'data' and 'annotations')"),
    QT_TRANSLATE_NOOP("core", "%1: no annotations in this file"),
    QT_TRANSLATE_NOOP("core", "result %1: %2 is not a choice or text attribute of %3"),
    QT_TRANSLATE_NOOP("core", "result %1 (%2): one value expected, got %3"),
    QT_TRANSLATE_NOOP(
        "core", "doccano and spaCy-style JSONL record no annotator; give one with --annotator NAME"
    ),
    QT_TRANSLATE_NOOP("core", "--map %1: write TAG=layer (or TAG=- to leave it out)"),
    QT_TRANSLATE_NOOP(
        "core",
        "label %1 is no layer of this project; map it with --map %2=LAYER (layers: %3) or %2=-",
    ),
    QT_TRANSLATE_NOOP("core", "entity %1 is not an object"),
    QT_TRANSLATE_NOOP("core", "span %1 is not an object"),
    QT_TRANSLATE_NOOP("core", "relation %1 is not an object"),
    QT_TRANSLATE_NOOP("core", "%1: not valid JSON (%2)"),
    QT_TRANSLATE_NOOP("core", "a lone surrogate in a JSON string: not text"),
    QT_TRANSLATE_NOOP("core", "%1: span %2 is not in this document"),
    QT_TRANSLATE_NOOP(
        "core", "span %1: tags %2-%3 as %4 again (span %5); one annotator tags a span once a layer"
    ),
    QT_TRANSLATE_NOOP("core", "--map names layer %1, not in the schema (%2)"),
    QT_TRANSLATE_NOOP("core", "annotation %1: a result is not an object"),
    QT_TRANSLATE_NOOP("core", "span %1: %2"),
    QT_TRANSLATE_NOOP("core", "region %1: %2 labels, not one"),
    QT_TRANSLATE_NOOP("core", "%1: span %2 links to two spans"),
    QT_TRANSLATE_NOOP(
        "core", "result %1: type %2 is not a labels region, relation, or a region's choices or text"
    ),
    QT_TRANSLATE_NOOP("core", "no articles: the table has a header row only"),
    QT_TRANSLATE_NOOP("core", "empty table: no header row"),
    QT_TRANSLATE_NOOP("core", "the header names column %1 twice"),
    QT_TRANSLATE_NOOP("core", "row %1: %2"),
    QT_TRANSLATE_NOOP("core", "row %1 has %2 cells, the header has %3"),
    QT_TRANSLATE_NOOP("core", "no .txt files in this folder"),
    QT_TRANSLATE_NOOP(
        "core",
        "sheet %1 would have more than %2 rows, Excel's limit; export fewer documents or use csv",
    ),
    QT_TRANSLATE_NOOP(
        "core", "sheet %1 row %2 column %3: %4 characters, more than Excel's %5; use csv or jsonl"
    ),
    QT_TRANSLATE_NOOP("core", "no .xmi file here"),
    QT_TRANSLATE_NOOP(
        "core", "UIMA CAS XMI needs dkpro-cassis: pip install 'arabic-news-annotator[xmi]'"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 holds U+%2 at character %3, which XML 1.0 cannot hold; export it as jsonl or brat instead",
    ),
    QT_TRANSLATE_NOOP("core", "%1 is a file; XMI export needs a folder"),
    QT_TRANSLATE_NOOP("core", "not a zip file"),
    QT_TRANSLATE_NOOP(
        "core",
        "no %1 beside the .xmi files: XMI is read with the type system of its export (INCEpTION writes one into every export)",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 has none of this project's layer types (%2); docs/inception.md shows how to define them",
    ),
    QT_TRANSLATE_NOOP("core", "an empty file, not UIMA CAS XMI"),
    QT_TRANSLATE_NOOP("core", "the CAS holds no document text"),
    QT_TRANSLATE_NOOP(
        "core",
        "spans of layers this project lacks (%1; its layers: %2): nothing was imported; import into a project whose schema has these layers, or export from INCEpTION without them",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1offset %2 falls inside a character beyond U+FFFF (between the two UTF-16 units of an emoji or similar): not a character boundary",
    ),
    QT_TRANSLATE_NOOP("core", "document %1 cannot be written as XML: %2"),
    QT_TRANSLATE_NOOP("core", "%1 (none of this export's files was written)"),
    QT_TRANSLATE_NOOP("core", "%1 is not a UIMA type system (%2)"),
    QT_TRANSLATE_NOOP("core", "not UIMA CAS XMI (%1)"),
    QT_TRANSLATE_NOOP("core", "%1: annotationId %2 is not a UUID"),
    QT_TRANSLATE_NOOP("core", "links to xmi:id %1, not an annotation of a layer"),
    QT_TRANSLATE_NOOP("core", "choose two different annotators to compare"),
    QT_TRANSLATE_NOOP(
        "core",
        "nothing was accepted: gold already tags %1 «%2» at %3-%4 (annotation %5), a span the annotators agree on; remove or move gold's tag there and accept all again, or accept the other agreements one by one",
    ),
    QT_TRANSLATE_NOOP("core", "this disagreement is already decided; undo that first"),
    QT_TRANSLATE_NOOP("core", "nothing was accepted: %1"),
    QT_TRANSLATE_NOOP("core", "unknown choice %1 (a, b or reject)"),
    QT_TRANSLATE_NOOP("core", "annotator %1 has no annotation here to accept"),
    QT_TRANSLATE_NOOP("core", "no decision %1"),
    QT_TRANSLATE_NOOP("core", "no annotator %1 in this project (annotators: %2)"),
    QT_TRANSLATE_NOOP("core", "annotator %1 is given twice"),
    QT_TRANSLATE_NOOP("core", "no merge conflict with id %1"),
    QT_TRANSLATE_NOOP("core", "a conflict is resolved as 'ours' or 'theirs', not %1"),
    QT_TRANSLATE_NOOP("core", "the conflict on annotation %1 was already resolved (%2)"),
    QT_TRANSLATE_NOOP("core", "cannot take %1 version of annotation %2: %3"),
    QT_TRANSLATE_NOOP("core", "merge conflict %1: their stored version is unreadable"),
    QT_TRANSLATE_NOOP("core", "a project cannot be merged into itself"),
    QT_TRANSLATE_NOOP("core", "%1 cannot be read: it kept changing while it was copied; try again"),
    QT_TRANSLATE_NOOP("core", "merge cancelled; nothing was changed"),
    QT_TRANSLATE_NOOP("core", "annotation"),
    QT_TRANSLATE_NOOP("core", "deletion of annotation"),
    QT_TRANSLATE_NOOP("core", "its revision name %1 does not name revision %2"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1: entity %2: its name is not text or its aliases are not a list of names; nothing was merged",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1: document %2: its text does not match its SHA-256 (a damaged or hand-edited text); nothing was merged",
    ),
    QT_TRANSLATE_NOOP("core", "%1 has no annotator %2 to rename (it has: %3); nothing was merged"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1: a row of it breaks a rule of this project (an id held twice, or a value a check refuses); nothing was merged",
    ),
    QT_TRANSLATE_NOOP("core", "%1 cannot be read: %2"),
    QT_TRANSLATE_NOOP("core", "%1 was made by a newer version of this tool"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1: %2 row(s) of its changed tables (%3) break this project's rules (a value a check refuses, or an id held twice); nothing was merged",
    ),
    QT_TRANSLATE_NOOP("core", "%1: %2 %3: %4; nothing was merged"),
    QT_TRANSLATE_NOOP("core", "unknown document status %1"),
    QT_TRANSLATE_NOOP("core", "--rename takes OLD=NEW, got %1"),
    QT_TRANSLATE_NOOP("core", "comment"),
    QT_TRANSLATE_NOOP("core", "entity"),
    QT_TRANSLATE_NOOP("core", "%1: %2 id %3 is not a UUID; nothing was merged"),
    QT_TRANSLATE_NOOP("core", "%1: annotation %2 (%3 of %4 in %5): %6; nothing was merged"),
    QT_TRANSLATE_NOOP("core", "its text does not match the document"),
    QT_TRANSLATE_NOOP("core", "unknown layer %1 (this project's layers: %2)"),
    QT_TRANSLATE_NOOP("core", "%1: no [[layers]] defined"),
    QT_TRANSLATE_NOOP("core", "%1: each [[layers]] entry must be a table"),
    QT_TRANSLATE_NOOP("core", "%1: layer name %2 must be lower-case letters, digits, _"),
    QT_TRANSLATE_NOOP("core", "%1: layer %2: color %3 must look like #a1b2c3"),
    QT_TRANSLATE_NOOP("core", "%1: layer %2: shortcut must be one letter or digit"),
    QT_TRANSLATE_NOOP("core", "%1: attributes of layer %2 must be tables"),
    QT_TRANSLATE_NOOP("core", "%1: layer %2: attribute name %3 is not valid"),
    QT_TRANSLATE_NOOP("core", "%1: %2.%3: type %4 is not one of %5"),
    QT_TRANSLATE_NOOP("core", "%1: %2.%3: a link needs the layer it points to"),
    QT_TRANSLATE_NOOP("core", '%1: %2: values_ar must be a table of value = "label"'),
    QT_TRANSLATE_NOOP("core", "%1: %2: values_ar names %3, not among its values (%4)"),
    QT_TRANSLATE_NOOP("core", "layer %1 has no stance"),
    QT_TRANSLATE_NOOP("core", "unknown stance value %1 (allowed: %2)"),
    QT_TRANSLATE_NOOP("core", "cannot read schema file %1: %2"),
    QT_TRANSLATE_NOOP("core", "%1: not valid TOML: %2"),
    QT_TRANSLATE_NOOP("core", "%1: layer %2 has more than one %3 attribute"),
    QT_TRANSLATE_NOOP("core", "%1: layer %2: stance.values must be a list of text"),
    QT_TRANSLATE_NOOP("core", "%1: %2.%3: a choice needs a list of values"),
    QT_TRANSLATE_NOOP("core", "%1: %2.%3: default %4 is not a value"),
    QT_TRANSLATE_NOOP("core", "%1: duplicate %2 %3"),
    QT_TRANSLATE_NOOP("core", "unknown attribute %1 for layer %2 (known: %3)"),
    QT_TRANSLATE_NOOP("core", "attribute %1 is a %2, not a value"),
    QT_TRANSLATE_NOOP("core", "attribute %1 must be text, got %2"),
    QT_TRANSLATE_NOOP("core", "unknown value %1 for %2.%3 (allowed: %4)"),
    QT_TRANSLATE_NOOP("core", "%1: %2.%3 links to unknown layer %4"),
    QT_TRANSLATE_NOOP(
        "core",
        "annotation %1 was changed in another window or by another command (revision %2, your change was made on revision %3); your change was not applied",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "annotation %1 was deleted in another window or by another command; your change was not applied",
    ),
    QT_TRANSLATE_NOOP(
        "core", "annotation %1 exists again (restored elsewhere); your change was not applied"
    ),
    QT_TRANSLATE_NOOP("core", "linked annotation %1 does not exist"),
    QT_TRANSLATE_NOOP("core", "%1.%2 must link to a %3 annotation of the same document"),
    QT_TRANSLATE_NOOP("core", "%1.%2 must link to the same annotator's annotation"),
    QT_TRANSLATE_NOOP("core", "a stance is a (target, value) pair, got %1"),
    QT_TRANSLATE_NOOP("core", "no annotation with id %1"),
    QT_TRANSLATE_NOOP("core", "span %1-%2 is not inside the document (0-%3, start before end)"),
    QT_TRANSLATE_NOOP("core", "span text %1 does not match the document at %2-%3 (%4)"),
    QT_TRANSLATE_NOOP("core", "unknown origin %1"),
    QT_TRANSLATE_NOOP("core", "layer %1 has no speaker entity"),
    QT_TRANSLATE_NOOP("core", "layer %1 has no link"),
    QT_TRANSLATE_NOOP("core", "a stance needs a target"),
    QT_TRANSLATE_NOOP("core", "stance target %1 is given twice"),
    QT_TRANSLATE_NOOP(
        "core",
        "annotation %1, which linked to %2 %3, was deleted in another window and cannot be linked back",
    ),
    QT_TRANSLATE_NOOP("core", "an annotation with id %1 exists"),
    QT_TRANSLATE_NOOP(
        "core",
        "annotation %1, which linked to %2 %3, was made a %4 in another window and is not linked back",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 %2 is back without its link: the %3 it linked to (%4) was deleted in another window",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 %2 is back without its link: the annotation it linked to (%3) was made a %4 in another window",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "annotation %1, which linked to %2 %3, was linked to annotation %4 in another window and keeps that link",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "no backup was written: %1 is damaged (SQLite's check of its copy found: %2); the backups made before are kept; %3",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 is open in another window or command (SQLite could not lock it for itself); close it there, then restore; nothing was changed",
    ),
    QT_TRANSLATE_NOOP("core", "%1 is a folder; give the name of the copy"),
    QT_TRANSLATE_NOOP("core", "%1 is the project itself; choose another name for the copy"),
    QT_TRANSLATE_NOOP("core", "%1 exists; choose another name, or allow replacing it"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 has a log (%2-wal or -shm) beside it: it is open somewhere or was not closed cleanly, and replacing it would mix that log into the copy",
    ),
    QT_TRANSLATE_NOOP("core", "cannot write a backup into %1: %2"),
    QT_TRANSLATE_NOOP("core", "cannot write a copy into %1: %2"),
    QT_TRANSLATE_NOOP("core", "cannot write the copy %1: %2"),
    QT_TRANSLATE_NOOP("core", "cannot restore %1: %2"),
    QT_TRANSLATE_NOOP(
        "core", "the disk holding %1 is full; nothing was changed, free some space and try again"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 is read-only, so no annotation could be stored in it; make the file writable, or copy it into a folder of yours and open the copy",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "the disk holding %1 refused a write (%2); nothing was changed; check that the disk is still connected and has room, then try again",
    ),
    QT_TRANSLATE_NOOP("core", "%1; nothing was changed"),
    QT_TRANSLATE_NOOP(
        "core", "the disk holding %1 is full; %2 was not written, free some space and try again"
    ),
    QT_TRANSLATE_NOOP(
        "core", "%1 is larger than %2 or your account allows for one file; it was not written"
    ),
    QT_TRANSLATE_NOOP(
        "core", "%1 cannot be written (%2); %3 was not written, choose another folder"
    ),
    QT_TRANSLATE_NOOP("core", "%1 would be written outside %2; nothing was written"),
    QT_TRANSLATE_NOOP("core", "%1 is a folder; give a file name"),
    QT_TRANSLATE_NOOP("core", "%1 cannot be replaced (%2)"),
    QT_TRANSLATE_NOOP("core", "a cue needs at least one letter"),
    QT_TRANSLATE_NOOP("core", "unknown cue state %1: added, removed or none"),
    QT_TRANSLATE_NOOP(
        "core",
        "restore its newest backup (%1) with `annotator restore --latest --project %2` (the damaged file is kept), or list all %3 with `annotator restore --project %2`",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 holds SQL objects this tool did not make (or lacks its own): %2; they could change or hide annotations, so it was not opened (nothing was changed); remove them (a backup copy is made first) with `annotator check --remove-foreign --project %1`",
    ),
    QT_TRANSLATE_NOOP("core", "%1 is damaged (%2); %3"),
    QT_TRANSLATE_NOOP("core", "%1 is an empty file, not an annotator project"),
    QT_TRANSLATE_NOOP("core", "%1 is not an annotator project (not an SQLite file)"),
    QT_TRANSLATE_NOOP(
        "core", "%1 is damaged: it is cut off after %2 bytes, inside the SQLite header; %3"
    ),
    QT_TRANSLATE_NOOP(
        "core", "%1 is an SQLite database of another application, not an annotator project"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 was made by a newer version of this tool (project format %2, this version reads up to %3); update the tool to open it",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 is damaged: it is cut off (%2 of its %3 bytes are there), as by an interrupted copy or a full disk; %4",
    ),
    QT_TRANSLATE_NOOP(
        "core", "no backup of it was found in %1; put back a copy you keep elsewhere"
    ),
    QT_TRANSLATE_NOOP(
        "core", "list its backups with `annotator restore --project %1` and restore one"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 cannot be opened: its folder %2 is read-only, and a project writes its log (%3-wal) beside it; move the project into a folder you can write to, or make the folder writable",
    ),
    QT_TRANSLATE_NOOP("core", "%1 is damaged (SQLite's check found unreadable bytes); %2"),
    QT_TRANSLATE_NOOP("core", "%1 is damaged (SQLite's check found: %2); %3"),
    QT_TRANSLATE_NOOP("core", "%1: no such project"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 is busy: another window or command has been using it for over %2 s; nothing was changed, try again",
    ),
    QT_TRANSLATE_NOOP("core", "%1 cannot be opened: %2"),
    QT_TRANSLATE_NOOP("core", "%1 is a folder, not a project file"),
    QT_TRANSLATE_NOOP("core", "cannot read %1: %2"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 cannot be opened: the disk holding it is full (a project needs room for its log beside it); free some space and try again",
    ),
    QT_TRANSLATE_NOOP("core", "%1 is damaged: its label schema is missing; %2"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 was replaced or removed by another program (a restore?) after it was opened here; nothing was changed: reopen the project",
    ),
    QT_TRANSLATE_NOOP("core", "an annotator name is required"),
    QT_TRANSLATE_NOOP("core", "an annotator name is at most 100 characters"),
    QT_TRANSLATE_NOOP("core", "a speaker entity needs a name"),
    QT_TRANSLATE_NOOP("core", "a comment cannot be empty"),
    QT_TRANSLATE_NOOP("core", "%1 already exists; choose another name or open it"),
    QT_TRANSLATE_NOOP("core", "folder %1 does not exist"),
    QT_TRANSLATE_NOOP("core", "%1: no such project (create it with: annotator init %1)"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 is still being checked (a large project's pages are read once before anything is written to it); nothing was changed, try again when the check has finished",
    ),
    QT_TRANSLATE_NOOP("core", "%1; nothing more is written to it"),
    QT_TRANSLATE_NOOP("core", "%1 has no %2; the project file is damaged"),
    QT_TRANSLATE_NOOP(
        "core", "document %1 is damaged in %2; `annotator check` names what is wrong"
    ),
    QT_TRANSLATE_NOOP("core", "unknown status %1 (allowed: %2)"),
    QT_TRANSLATE_NOOP("core", "cannot create a project in %1: %2"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 was replaced while another window still has the old file open; close every window on it, then open the project again",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 holds text that is not UTF-8, so it cannot be written out as stored; `annotator check` names where",
    ),
    QT_TRANSLATE_NOOP("core", "%1: document id %2 is already used for another text"),
    QT_TRANSLATE_NOOP("core", "cannot create %1: %2"),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 is busy: another window or command has been writing to it for over %2 s; nothing was changed, try again",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 is not a write-ahead log SQLite can use (damaged, or from another program): it is ignored, so any work only in it is not in the project",
    ),
    QT_TRANSLATE_NOOP(
        "core", "%1 belongs to another file: its pages are %2 bytes, the project's %3"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 was cut short: it holds %2 of the %3 committed frames %4 recorded, so the last work saved is missing",
    ),
    QT_TRANSLATE_NOOP("core", "choose 'ours' or 'theirs', not %1"),
    QT_TRANSLATE_NOOP("core", "no open conflict on speaker entity %1"),
    QT_TRANSLATE_NOOP(
        "core", "share a project as the team database's owner (who ran `annotator server init`)"
    ),
    QT_TRANSLATE_NOOP("core", "the team project already holds documents: members join it"),
    QT_TRANSLATE_NOOP("core", "the team project holds no project yet (its owner shares one)"),
    QT_TRANSLATE_NOOP(
        "core",
        "database role %1 is not a member of the team project (the owner adds it with: annotator server add-member URL NAME --role ROLE)",
    ),
    QT_TRANSLATE_NOOP("core", "database role %1 is the member %2, not %3"),
    QT_TRANSLATE_NOOP(
        "core", "the project is linked as %1 but database role %2 is %3: connect as your own role"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "%1 is not linked to a team project (link one with: annotator join URL --as NAME --project FILE)",
    ),
    QT_TRANSLATE_NOOP("core", "only a coordinator assigns documents"),
    QT_TRANSLATE_NOOP("core", "%1 is not a member of the team project"),
    QT_TRANSLATE_NOOP("core", "no document %1 in the team project"),
    QT_TRANSLATE_NOOP(
        "core", "the team server is busy (another member's transaction holds it); try again shortly"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "team projects need the PostgreSQL driver: pip install 'arabic-news-annotator[team]'",
    ),
    QT_TRANSLATE_NOOP(
        "core", "the database is not a team project yet: run `annotator server init URL` first"
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "the team project is of format %1, newer than this version knows (%2); update the tool",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "the team project is of format %1: its owner must run `annotator server init URL` to update it",
    ),
    QT_TRANSLATE_NOOP("core", "unknown role %1: one of %2"),
    QT_TRANSLATE_NOOP("core", "%1 cannot be a member's name"),
    QT_TRANSLATE_NOOP("core", "cannot reach the team server: %1"),
    QT_TRANSLATE_NOOP("core", "the team server refused the change: %1"),
    QT_TRANSLATE_NOOP("core", "the connection to the team server broke: %1"),
    QT_TRANSLATE_NOOP("core", "team server: %1"),
    QT_TRANSLATE_NOOP("core", "the team project is of format %1, newer than this version knows"),
    QT_TRANSLATE_NOOP("core", "the team server refused the login: %1"),
)


def counted() -> tuple[str, ...]:
    """The templates with a count (%n): lupdate marks a text plural only where it sees
    translate() given a count, so they are listed as such calls (the count is any)."""
    return (
        QCoreApplication.translate(
            "core",
            "%1 holds another XMI export (%2 and %n more file(s) this export would not write); use --force to replace it",
            None,
            1,
        ),
        QCoreApplication.translate(
            "core",
            "%1 is damaged: %n committed transaction(s) in it follow a broken checksum and are ignored by SQLite",
            None,
            1,
        ),
        QCoreApplication.translate(
            "core",
            "%1 belongs to another file: it is not the log %2 recorded (%n committed page change(s) of that log are not in the project)",
            None,
            1,
        ),
        QCoreApplication.translate(
            "core",
            "%1 is missing, but %2 records %n page change(s) committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it",
            None,
            1,
        ),
        QCoreApplication.translate(
            "core",
            "%1 is empty, but %2 records %n page change(s) committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it",
            None,
            1,
        ),
    )
