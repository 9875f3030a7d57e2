"""Every user action of the window as one QAction: menus, toolbar, context menu and shortcuts
share them, so each action is listed once and reachable from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar

from annotator.core.bidi import compose
from annotator.gui.keys import key_text
from annotator.gui.shortcut_help import show_shortcut_help
from annotator.gui.undo_actions import undo_redo_actions

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


@dataclass
class Actions:
    tag: dict[str, QAction] = field(default_factory=dict)  # by layer name
    tag_exact: dict[str, QAction] = field(default_factory=dict)
    show_layer: dict[str, QAction] = field(default_factory=dict)
    named: dict[str, QAction] = field(default_factory=dict)

    def __getitem__(self, name: str) -> QAction:
        return self.named[name]


def _action(
    window: MainWindow,
    text: str,
    slot: Callable,
    *keys: str | QKeySequence.StandardKey,
    tip: str = "",
    checkable: bool = False,
) -> QAction:
    action = QAction(text, window)
    sequences: list[QKeySequence] = []
    for key in keys:
        for sequence in (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        ):
            if sequence not in sequences:  # a platform binding may repeat one given here
                sequences.append(sequence)
    action.setShortcuts(sequences)
    if sequences:
        action.setToolTip(
            compose(
                QCoreApplication.translate("Actions", "%1 (%2)"),
                tip or text.replace("…", ""),
                key_text(sequences[0]),
            )
        )
    elif tip:
        action.setToolTip(tip)
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work wherever the focus is in the window
    return action


def _enable_with_selection(window: MainWindow, action: QAction) -> None:
    """Keep `action` enabled only while one of the researcher's own annotations is selected."""
    workbench = window.workbench

    def update(*_args) -> None:
        selected = workbench.selected()
        action.setEnabled(selected is not None and workbench.is_editable(selected))

    workbench.selection_changed.connect(update)
    workbench.annotation_changed.connect(update)
    workbench.document_opened.connect(update)
    update()


def build_actions(window: MainWindow) -> Actions:
    actions = Actions()
    for layer in window.workbench.schema.layers:
        actions.tag[layer.name] = _action(
            window,
            compose(QCoreApplication.translate("Actions", "Tag as %1"), layer.label),
            lambda _=False, n=layer.name: window.tag(n),
            layer.shortcut,
            tip=compose(
                QCoreApplication.translate("Actions", "Tag the selection as %1, snapped to words"),
                layer.label.lower(),
            ),
        )
        actions.tag_exact[layer.name] = _action(
            window,
            compose(
                QCoreApplication.translate("Actions", "Tag as %1, exact selection"), layer.label
            ),
            lambda _=False, n=layer.name: window.tag(n, exact=True),
            f"Alt+{layer.shortcut}",
        )
        show = _action(
            window,
            compose(QCoreApplication.translate("Actions", "Show %1"), layer.label),
            lambda checked, n=layer.name: window.workbench.set_layer_hidden(n, not checked),
            f"Ctrl+Shift+{layer.shortcut}",
            checkable=True,
        )
        show.setChecked(True)
        actions.show_layer[layer.name] = show
    a = actions.named
    a["delete"] = _action(
        window,
        QCoreApplication.translate("Actions", "Delete annotation"),
        window.delete_selected,
        "Delete",
        "Backspace",
    )
    # Backspace also rejects the current suggestion: each owns it in its own state (an
    # annotation of one's own selected, or none selected and a suggestion current), so Qt
    # never sees two enabled owners of the key and fires the one meant.
    _enable_with_selection(window, a["delete"])
    a["respan"] = _action(
        window,
        QCoreApplication.translate("Actions", "Set span to the selection"),
        window.respan,
        "Ctrl+R",
        tip=QCoreApplication.translate(
            "Actions", "Give the selected annotation the span of the text selection"
        ),
    )
    # The text runs right to left: the start edge is on the right, the end edge on the left.
    a["extend_end"] = _action(
        window,
        QCoreApplication.translate("Actions", "Extend end by a word"),
        lambda: window.adjust("end", +1),
        "Alt+Left",
    )
    a["shrink_end"] = _action(
        window,
        QCoreApplication.translate("Actions", "Shrink end by a word"),
        lambda: window.adjust("end", -1),
        "Alt+Right",
    )
    a["extend_start"] = _action(
        window,
        QCoreApplication.translate("Actions", "Extend start by a word"),
        lambda: window.adjust("start", -1),
        "Alt+Shift+Right",
    )
    a["shrink_start"] = _action(
        window,
        QCoreApplication.translate("Actions", "Shrink start by a word"),
        lambda: window.adjust("start", +1),
        "Alt+Shift+Left",
    )
    a["next"] = _action(
        window,
        QCoreApplication.translate("Actions", "Next annotation"),
        lambda: window.step_annotation(+1),
        "Alt+Down",
    )
    a["previous"] = _action(
        window,
        QCoreApplication.translate("Actions", "Previous annotation"),
        lambda: window.step_annotation(-1),
        "Alt+Up",
    )
    a["pick_speaker"] = _action(
        window,
        QCoreApplication.translate("Actions", "Pick speaker in text"),
        window.set_picking,
        "Ctrl+L",
        checkable=True,
        tip=QCoreApplication.translate(
            "Actions", "Click a speaker mention to link the selected claim to it"
        ),
    )
    a["edit_attributes"] = _action(
        window, QCoreApplication.translate("Actions", "Edit attributes"), window.focus_editor, "F2"
    )
    a["deselect"] = _action(
        window, QCoreApplication.translate("Actions", "Deselect"), window.deselect, "Escape"
    )
    a["done"] = _action(
        window,
        QCoreApplication.translate("Actions", "Mark document done"),
        window.toggle_done,
        "Ctrl+D",
        checkable=True,
    )
    a["next_document"] = _action(
        window,
        QCoreApplication.translate("Actions", "Next document"),
        lambda: window.step_document(+1),
        "Ctrl+PgDown",
    )
    a["previous_document"] = _action(
        window,
        QCoreApplication.translate("Actions", "Previous document"),
        lambda: window.step_document(-1),
        "Ctrl+PgUp",
    )
    a["focus_documents"] = _action(
        window,
        QCoreApplication.translate("Actions", "Go to document list"),
        window.focus_documents,
        "Ctrl+1",
    )
    a["focus_article"] = _action(
        window,
        QCoreApplication.translate("Actions", "Go to article"),
        window.article.setFocus,
        "Ctrl+2",
    )
    a["focus_annotations"] = _action(
        window,
        QCoreApplication.translate("Actions", "Go to annotation list"),
        window.focus_annotations,
        "Ctrl+3",
    )
    a["zoom_in"] = _action(
        window,
        QCoreApplication.translate("Actions", "Zoom in"),
        lambda: window.article.zoom(+1),
        QKeySequence.StandardKey.ZoomIn,
        "Ctrl+=",
    )
    a["zoom_out"] = _action(
        window,
        QCoreApplication.translate("Actions", "Zoom out"),
        lambda: window.article.zoom(-1),
        QKeySequence.StandardKey.ZoomOut,
    )
    a["zoom_reset"] = _action(
        window,
        QCoreApplication.translate("Actions", "Actual size"),
        window.article.reset_zoom,
        "Ctrl+0",
    )
    a["show_others"] = _action(
        window,
        QCoreApplication.translate("Actions", "Show other annotators"),
        lambda checked: window.workbench.set_show_others(checked),
        "Ctrl+Shift+A",
        checkable=True,
    )
    a["new_project"] = _action(
        window,
        QCoreApplication.translate("Actions", "New project…"),
        window.new_project,
        QKeySequence.StandardKey.New,
    )
    a["open_project"] = _action(
        window,
        QCoreApplication.translate("Actions", "Open project…"),
        window.open_project_dialog,
        QKeySequence.StandardKey.Open,
    )
    a["import"] = _action(
        window,
        QCoreApplication.translate("Actions", "Import articles…"),
        window.import_articles,
        "Ctrl+I",
    )
    a["import_folder"] = _action(
        window,
        QCoreApplication.translate("Actions", "Import a folder of articles…"),
        window.import_folder,
        "Ctrl+Shift+I",
    )
    a["merge"] = _action(
        window,
        QCoreApplication.translate("Actions", "Merge colleague's project…"),
        window.merge_project,
        tip=QCoreApplication.translate(
            "Actions", "Copy a colleague's annotations from their project file"
        ),
    )
    a["review"] = _action(
        window,
        QCoreApplication.translate("Actions", "Review and adjudicate…"),
        lambda: window.open_review(),
        "Ctrl+Shift+R",
    )
    a["agreement"] = _action(
        window,
        QCoreApplication.translate("Actions", "Agreement between annotators…"),
        window.open_agreement,
        "Ctrl+Shift+G",
    )
    a["export"] = _action(
        window, QCoreApplication.translate("Actions", "Export…"), window.export, "Ctrl+E"
    )
    a["project_settings"] = _action(
        window,
        QCoreApplication.translate("Actions", "Project settings…"),
        window.open_project_settings,
        tip=QCoreApplication.translate("Actions", "The project's cue list for suggestions"),
    )
    # Not Ctrl+Shift+S: Ctrl+Shift+LETTER shows or hides the layer of that letter.
    a["save_copy"] = _action(
        window,
        QCoreApplication.translate("Actions", "Save a copy…"),
        window.project_file.save_copy,
        "Ctrl+Alt+S",
        tip=QCoreApplication.translate(
            "Actions", "Write a complete copy of the project, with every change stored so far"
        ),
    )
    a["quit"] = _action(
        window,
        QCoreApplication.translate("Actions", "Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
        "Ctrl+Q",
    )
    a["shortcuts"] = _action(
        window,
        QCoreApplication.translate("Actions", "Keyboard shortcuts"),
        lambda: show_shortcut_help(window, actions),
        "F1",
    )
    a["refresh"] = _action(
        window,
        QCoreApplication.translate("Actions", "Refresh"),
        window.refresh,
        QKeySequence.StandardKey.Refresh,
        tip=QCoreApplication.translate(
            "Actions", "Show changes made by another window or the command line"
        ),
    )

    for name, action in window.find_bar.actions.items():  # find, find_next, find_previous
        window.addAction(action)
        a[name] = action
    # Enter and Backspace decide a suggestion only in the article and the suggestion list, so
    # they keep their usual meaning in text fields.
    deciding = {"accept", "reject"}
    for name, action in window.suggestions.actions.items():
        a[f"suggestion_{name}"] = action
        if name in deciding:
            window.article.addAction(action)
            window.suggestion_panel.addAction(action)
        else:
            window.addAction(action)
    undo, redo = undo_redo_actions(window.workbench.undo_stack, window)
    window.addAction(undo)
    window.addAction(redo)
    a["undo"], a["redo"] = undo, redo
    return actions


def build_menus(menu_bar: QMenuBar, actions: Actions) -> QMenu:
    """The window's menus; returns the View menu (the language submenu goes there)."""
    a = actions.named
    file_menu = menu_bar.addMenu(QCoreApplication.translate("Actions", "&File"))
    for name in (
        "new_project",
        "open_project",
        None,
        "import",
        "import_folder",
        "merge",
        "export",
        "save_copy",
        None,
        "project_settings",
        None,
        "quit",
    ):
        file_menu.addSeparator() if name is None else file_menu.addAction(a[name])
    edit = menu_bar.addMenu(QCoreApplication.translate("Actions", "&Edit"))
    edit.addAction(a["undo"])
    edit.addAction(a["redo"])
    edit.addSeparator()
    for name in (
        "delete",
        "respan",
        "extend_end",
        "shrink_end",
        "extend_start",
        "shrink_start",
        None,
        "edit_attributes",
        "deselect",
    ):
        edit.addSeparator() if name is None else edit.addAction(a[name])
    annotate = menu_bar.addMenu(QCoreApplication.translate("Actions", "&Annotate"))
    for action in actions.tag.values():
        annotate.addAction(action)
    for action in actions.tag_exact.values():
        annotate.addAction(action)
    annotate.addSeparator()
    annotate.addAction(a["pick_speaker"])
    annotate.addSeparator()
    for name in ("suggest", "accept", "reject", "accept_all", "next", "previous"):
        annotate.addAction(a[f"suggestion_{name}"])
    annotate.addSeparator()
    annotate.addAction(a["done"])
    annotate.addAction(a["review"])
    annotate.addAction(a["agreement"])
    view = menu_bar.addMenu(QCoreApplication.translate("Actions", "&View"))
    for action in actions.show_layer.values():
        view.addAction(action)
    view.addAction(a["show_others"])
    view.addSeparator()
    for name in (
        "next",
        "previous",
        "next_document",
        "previous_document",
        None,
        "focus_documents",
        "focus_article",
        "focus_annotations",
        None,
        "zoom_in",
        "zoom_out",
        "zoom_reset",
    ):
        view.addSeparator() if name is None else view.addAction(a[name])
    help_menu = menu_bar.addMenu(QCoreApplication.translate("Actions", "&Help"))
    help_menu.addAction(a["shortcuts"])
    return view


def build_toolbar(toolbar: QToolBar, actions: Actions) -> None:
    """The actions of a tagging session, one click away."""
    a = actions.named
    for action in actions.tag.values():
        toolbar.addAction(action)
    toolbar.addAction(a["pick_speaker"])
    toolbar.addAction(a["delete"])
    toolbar.addSeparator()
    toolbar.addAction(a["undo"])
    toolbar.addAction(a["redo"])
    toolbar.addSeparator()
    toolbar.addAction(a["done"])


def context_actions(actions: Actions) -> list[QAction | None]:
    """What a right click on the article offers (None is a separator)."""
    a = actions.named
    return [
        *actions.tag.values(),
        None,
        a["delete"],
        a["respan"],
        a["pick_speaker"],
        None,
        a["undo"],
        a["redo"],
    ]
