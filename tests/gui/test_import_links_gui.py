"""File ▸ Import folder on a folder holding a symbolic link: the link is left out, and the
window says so with the reason."""

from annotator.core.bidi import plain


def test_a_linked_file_is_left_out_and_the_window_says_why(qtbot, window, project, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "news.txt").write_text("قال المتحدث إن الاجتماع انتهى.", encoding="utf-8")
    (tmp_path / "passwd").write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(tmp_path / "passwd")
    before = len(project.documents())
    window.start_import([str(folder)])
    with qtbot.waitSignal(window._import.done, timeout=20000):
        pass
    message = plain(window.statusBar().currentMessage())
    assert message.startswith("Imported 1 article;")
    assert f"left out 1: {folder / 'passwd.txt'}: a symbolic link" in message
    assert len(project.documents()) == before + 1
    assert all("root:x" not in project.text(d.id) for d in project.documents())
