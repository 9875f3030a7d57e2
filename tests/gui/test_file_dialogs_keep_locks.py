"""A file dialog listing the project's folder does not drop the window's locks on the project
(Qt's dialog would open the file to guess its type)."""

from annotator.gui import file_dialogs
from tests.core.test_locks_kept import restore_from_another_process


def test_a_file_dialog_over_the_projects_folder_keeps_the_windows_locks(window, project, qtbot):
    window.workbench.tag("speaker", 0, 5)  # a write: the log and its index exist
    dialog = file_dialogs._dialog(window, "Save a copy", str(project.path.parent), "")
    dialog.show()
    qtbot.wait(1500)  # the folder is listed and its files' icons and types are asked for
    dialog.close()
    refused = restore_from_another_process(project.path)
    assert refused.returncode == 1
    assert "is open in another window or command" in refused.stderr
