<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgreementDialog</name>
    <message numerus="yes">
        <source>%n document(s) compared; figures over fewer than %1 units are greyed.</source>
        <translation>
            <numerusform>%n document compared; figures over fewer than %1 units are greyed.</numerusform>
            <numerusform>%n documents compared; figures over fewer than %1 units are greyed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only %n unit(s)</source>
        <translation>
            <numerusform>only %n unit</numerusform>
            <numerusform>only %n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message numerus="yes">
        <source>%n document(s) assigned.</source>
        <translation>
            <numerusform>%n document assigned.</numerusform>
            <numerusform>%n documents assigned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) taken back.</source>
        <translation>
            <numerusform>%n document taken back.</numerusform>
            <numerusform>%n documents taken back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnDialog</name>
    <message numerus="yes">
        <source>%1: %2, %n column(s); other columns are kept as document metadata.</source>
        <translation>
            <numerusform>%1: %2, %n column; other columns are kept as document metadata.</numerusform>
            <numerusform>%1: %2, %n columns; other columns are kept as document metadata.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictPane</name>
    <message numerus="yes">
        <source>Merge conflicts of this document: %n open</source>
        <translation>
            <numerusform>Merge conflicts of this document: %n open</numerusform>
            <numerusform>Merge conflicts of this document: %n open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message numerus="yes">
        <source>%1
%2 · %n character(s)</source>
        <translation>
            <numerusform>%1
%2 · %n character</numerusform>
            <numerusform>%1
%2 · %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The folder %1 already holds %n file(s) that this export would replace:</source>
        <translation>
            <numerusform>The folder %1 already holds %n file that this export would replace:</numerusform>
            <numerusform>The folder %1 already holds %n files that this export would replace:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%1 hits (first %2 in %n document(s))</source>
        <translation>
            <numerusform>%1 hits (first %2 in %n document)</numerusform>
            <numerusform>%1 hits (first %2 in %n documents)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n document(s)</source>
        <translation>
            <numerusform>%1 in %n document</numerusform>
            <numerusform>%1 in %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reading documents: %n left</source>
        <translation>
            <numerusform>reading documents: %n left</numerusform>
            <numerusform>reading documents: %n left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1

Import the %n readable file(s) and skip the refused ones?</source>
        <translation>
            <numerusform>%1

Import the %n readable file and skip the refused ones?</numerusform>
            <numerusform>%1

Import the %n readable files and skip the refused ones?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n damaged annotation(s) of this document are not shown; `annotator check` names them</source>
        <translation>
            <numerusform>%n damaged annotation of this document is not shown; `annotator check` names it</numerusform>
            <numerusform>%n damaged annotations of this document are not shown; `annotator check` names them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s)</source>
        <translation>
            <numerusform>Imported %n article</numerusform>
            <numerusform>Imported %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %n already in the project</source>
        <translation>
            <numerusform>skipped %n already in the project</numerusform>
            <numerusform>skipped %n already in the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>refused %n problem file(s)</source>
        <translation>
            <numerusform>refused %n problem file</numerusform>
            <numerusform>refused %n problem files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>left out %n: %1</source>
        <translation>
            <numerusform>left out %n: %1</numerusform>
            <numerusform>left out %n: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Annotations: %1 added, %2 updated, %3 deleted, %4 in conflict, %5 unchanged; %n new document(s).</source>
        <translation>
            <numerusform>Annotations: %1 added, %2 updated, %3 deleted, %4 in conflict, %5 unchanged; %n new document.</numerusform>
            <numerusform>Annotations: %1 added, %2 updated, %3 deleted, %4 in conflict, %5 unchanged; %n new documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of their annotations tag, with the same annotator, a span yours already tags (the same work under another id): counted unchanged, their links now point to yours.</source>
        <translation>
            <numerusform>%n of their annotations tags, with the same annotator, a span yours already tags (the same work under another id): counted unchanged, its links now point to yours.</numerusform>
            <numerusform>%n of their annotations tag, with the same annotator, a span yours already tags (the same work under another id): counted unchanged, their links now point to yours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) were kept (in %1): choose our or their version in the review window.</source>
        <translation>
            <numerusform>%n conflict was kept (in %1): choose our or their version in the review window.</numerusform>
            <numerusform>%n conflicts were kept (in %1): choose our or their version in the review window.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message numerus="yes">
        <source>%n disagreement(s), adjudicated</source>
        <translation>
            <numerusform>%n disagreement, adjudicated</numerusform>
            <numerusform>%n disagreements, adjudicated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disagreement(s), %1 open</source>
        <translation>
            <numerusform>%n disagreement, %1 open</numerusform>
            <numerusform>%n disagreements, %1 open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge conflicts (%n)</source>
        <translation>
            <numerusform>Merge conflicts (%n)</numerusform>
            <numerusform>Merge conflicts (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n agreement(s)</source>
        <translation>
            <numerusform>Accept %n agreement</numerusform>
            <numerusform>Accept %n agreements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message numerus="yes">
        <source>Accepted %n suggestion(s).</source>
        <translation>
            <numerusform>Accepted %n suggestion.</numerusform>
            <numerusform>Accepted %n suggestions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) to decide: F8 next, Enter accept, Backspace reject, Ctrl+Shift+Enter accept all.</source>
        <translation>
            <numerusform>%n suggestion to decide: F8 next, Enter accept, Backspace reject, Ctrl+Shift+Enter accept all.</numerusform>
            <numerusform>%n suggestions to decide: F8 next, Enter accept, Backspace reject, Ctrl+Shift+Enter accept all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to decide</source>
        <translation>
            <numerusform>%n to decide</numerusform>
            <numerusform>%n to decide</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamProgressDialog</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message numerus="yes">
        <source>Sync found %n conflict(s): resolve them in Review.</source>
        <translation>
            <numerusform>Sync found %n conflict: resolve it in Review.</numerusform>
            <numerusform>Sync found %n conflicts: resolve them in Review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team: %n conflict(s)</source>
        <translation>
            <numerusform>Team: %n conflict</numerusform>
            <numerusform>Team: %n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team: offline, %n change(s) pending</source>
        <translation>
            <numerusform>Team: offline, %n change pending</numerusform>
            <numerusform>Team: offline, %n changes pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team: login refused, %n change(s) pending</source>
        <translation>
            <numerusform>Team: login refused, %n change pending</numerusform>
            <numerusform>Team: login refused, %n changes pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team: %n change(s) pending</source>
        <translation>
            <numerusform>Team: %n change pending</numerusform>
            <numerusform>Team: %n changes pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n change(s) not yours kept locally</source>
        <translation>
            <numerusform>, %n change not yours kept locally</numerusform>
            <numerusform>, %n changes not yours kept locally</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>core</name>
    <message numerus="yes">
        <source>%1 holds another XMI export (%2 and %n more file(s) this export would not write); use --force to replace it</source>
        <translation>
            <numerusform>%1 holds another XMI export (%2 and %n more file this export would not write); use --force to replace it</numerusform>
            <numerusform>%1 holds another XMI export (%2 and %n more files this export would not write); use --force to replace it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged: %n committed transaction(s) in it follow a broken checksum and are ignored by SQLite</source>
        <translation>
            <numerusform>%1 is damaged: %n committed transaction in it follows a broken checksum and is ignored by SQLite</numerusform>
            <numerusform>%1 is damaged: %n committed transactions in it follow a broken checksum and are ignored by SQLite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 belongs to another file: it is not the log %2 recorded (%n committed page change(s) of that log are not in the project)</source>
        <translation>
            <numerusform>%1 belongs to another file: it is not the log %2 recorded (%n committed page change of that log is not in the project)</numerusform>
            <numerusform>%1 belongs to another file: it is not the log %2 recorded (%n committed page changes of that log are not in the project)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is missing, but %2 records %n page change(s) committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it</source>
        <translation>
            <numerusform>%1 is missing, but %2 records %n page change committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it</numerusform>
            <numerusform>%1 is missing, but %2 records %n page changes committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is empty, but %2 records %n page change(s) committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it</source>
        <translation>
            <numerusform>%1 is empty, but %2 records %n page change committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it</numerusform>
            <numerusform>%1 is empty, but %2 records %n page changes committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it</numerusform>
        </translation>
    </message>
</context>
</TS>
