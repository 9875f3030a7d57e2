"""Importing annotations into many documents: the format is told from the file's first records
(the file is parsed once, by its importer), and the summary is a few short lines however many
documents the file covers."""

import cProfile
import json
import pstats

from annotator.core import formats
from annotator.core.formats import jsonl
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project, TextSource


def exported_study(tmp_path, documents):
    """A project of `documents` short articles, each with a speaker and a claim tagged by
    "amina", exported as this tool's JSON Lines; returns the export's path."""
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(
            TextSource(text=f"قال المتحدث في البيان رقم {n} إن الاجتماع تأجل", id=f"news-{n:04d}")
            for n in range(documents)
        )
        for n in range(documents):
            speaker = project.add_annotation(f"news-{n:04d}", "amina", "speaker", 0, 3)
            project.add_annotation(f"news-{n:04d}", "amina", "claim", 4, 10, link_id=speaker.id)
        out = tmp_path / "study.jsonl"
        formats.EXPORTS["jsonl"].export(project, out)
    return out


def test_importing_into_many_documents_prints_a_short_summary(run, tmp_path):
    exported = exported_study(tmp_path, 40)
    run("init", "empty.annotator")
    result = run("import-annotations", "-p", "empty.annotator", exported)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        "added 40 documents (their texts came with the annotations): news-0000, news-0001, "
        "news-0002, news-0003, news-0004 and 35 more",
        "imported 80 annotation(s) into 40 documents (news-0000, news-0001, news-0002, "
        "news-0003, news-0004 and 35 more); 0 already present or deleted in this project",
    ]


def parses(tmp_path, name, importer, exported):
    """How many JSON texts are parsed while `importer` imports the file into a new project:
    each line the JSON Lines reader reads (`jsonl._object`, which runs json's scanner itself)
    and each `json.loads` called from elsewhere."""
    with Project.create(tmp_path / name) as project:
        profile = cProfile.Profile()
        profile.enable()
        importer(project, exported)
        profile.disable()
    count = 0
    for (file, _, function), stats in pstats.Stats(profile).stats.items():
        if file.endswith("jsonl.py") and function == "_object":
            count += stats[1]
        elif file.endswith("json/__init__.py") and function == "loads":
            count += sum(c[1] for (_, _, caller), c in stats[4].items() if caller != "_object")
    return count


def test_the_file_is_parsed_once_to_recognise_and_import_it(tmp_path):
    exported = exported_study(tmp_path, 40)
    by_its_reader = parses(tmp_path, "a.annotator", jsonl.import_annotations, exported)
    # The command's way: the format is told first, from the first record.
    by_the_command = parses(tmp_path, "b.annotator", formats.import_annotations, exported)
    assert by_its_reader > 120  # each of the file's 122 records, at least
    assert by_the_command - by_its_reader <= 2


def test_a_doccano_export_starting_with_unlabelled_documents_is_still_recognised(tmp_path):
    lines = [{"text": "خبر بلا تعليق", "label": []} for _ in range(3)]
    lines.append({"text": "قال الوزير إن الخبر صحيح", "label": [[0, 3, "speaker"]]})
    path = tmp_path / "doccano.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    # Past the first labelled record the file may hold anything: it is not read to tell.
    with path.open("ab") as file:
        file.write(b"\n\xff\xfe not UTF-8, never read by the format check\n")
    assert formats._other_tools_spans(path)
    assert not formats._other_tools_spans(seeds_dir() / "000_41ac67127a0642cf.gold.jsonl")
