"""The form for the selected annotation: its layer, attributes, speaker link and stances."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic.text import one_line
from annotator.core.bidi import Isolated, compose, isolate, ltr, quote
from annotator.core.model import Annotation, Entity
from annotator.core.schema import Attribute, Layer
from annotator.gui.fields import (
    Draft,
    ElidedCombo,
    allow_narrow,
    commit_when_finished,
    name_completer,
)
from annotator.gui.models import MentionList, interface_is_right_to_left, is_right_to_left
from annotator.gui.stance_list import StanceList, describe_change
from annotator.gui.workbench import Workbench

# Alt+letter taken elsewhere in the main window, which the form's mnemonics leave alone (Qt
# fires neither of two owners of one key): the menus (File, Edit, Annotate, View, Help), the
# side panel's "Sho&w" and this form's "&Layer". Alt+<layer key> (tag the exact selection) is
# added from the schema.
_TAKEN_LETTERS = frozenset("feavhwl")


def _set_direction_by_text(label: QLabel, text: str) -> None:
    rtl = is_right_to_left(text)
    label.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    # In the Arabic interface a Latin-only span («Dr. Omar Razzaz») starts on the right too.
    right = rtl or interface_is_right_to_left()
    side = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
    label.setText(text)


def first_steps(layers: Sequence[Layer]) -> str:
    """What the form says while nothing is selected: how to start, for someone new to it."""
    keys = QCoreApplication.translate("AttributeEditor", " or ").join(
        compose(
            QCoreApplication.translate("AttributeEditor", "%1 (%2)"),
            ltr(layer.shortcut),
            layer.label.lower(),
        )
        for layer in layers
    )
    return compose(
        QCoreApplication.translate(
            "AttributeEditor",
            "Nothing selected. To tag, select words in the article and press %1. Click a "
            "coloured passage to see and change its attributes here. F7 suggests speakers and "
            "claims for you to accept or reject.",
        ),
        Isolated(keys),
    )


class AttributeEditor(QWidget):
    """Shows the workbench's selected annotation and turns each committed change into one edit.

    The fields are built for a layer (and for annotations one may change or only read); showing
    another annotation of that layer, or a refresh from the store, only sets their values, so
    the keyboard focus stays where the researcher left it and selecting is quick. Text being
    typed and not yet committed (`Draft`) stays through a refresh; its commit states the
    revision it was typed on, so it is refused if the annotation changed elsewhere meanwhile.
    """

    # the researcher wants to pick the claim's speaker by clicking it in the article (or stops)
    pick_speaker_requested = Signal(bool)

    def __init__(
        self, workbench: Workbench, parent: QWidget | None = None, empty_text: str | None = None
    ):
        """`empty_text`: what the form says while nothing is selected (default: how to tag)."""
        super().__init__(parent)
        self._workbench = workbench
        self._annotation: Annotation | None = None
        self._built_for: tuple[str, bool] | None = None  # layer, editable of the rows shown
        self._built: dict[tuple[str, bool], _Fields] = {}
        # Set while values are put into the fields, so focus changes then never write.
        self._refreshing = False
        self._refreshers: list[Callable[[Annotation], None]] = []
        self._focus_chain: list[QWidget] = []
        self._stances: StanceList | None = None
        self._drafts: list[Draft] = []  # of the text fields of every layer built
        self._pick: QPushButton | None = None
        self._inputs: dict[str, QWidget] = {}
        self._entity_names = QStringListModel(self)
        self._completed: list[Entity] | None = None  # the entities `_entity_names` holds
        self._targets: list[str] | None = None  # the targets `_stance_targets` holds
        self._stance_targets = QStringListModel(self)

        self._empty = QLabel(empty_text or first_steps(workbench.schema.layers))
        self._empty.setWordWrap(True)
        self._title = QLabel()
        self._span = QLabel()
        self._span.setTextFormat(Qt.TextFormat.PlainText)
        self._span.setWordWrap(True)
        self._span.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._note = QLabel()
        self.layer_combo = QComboBox()
        for layer in workbench.schema.layers:
            self.layer_combo.addItem(layer.label, layer.name)
        layer_label = QLabel(self.tr("&Layer:"))
        layer_label.setBuddy(self.layer_combo)

        # One form for the fixed rows and the layer's fields, so all labels share a column.
        self._details = QWidget()
        self._form = QFormLayout(self._details)
        self._form.setContentsMargins(0, 0, 0, 0)
        # In a narrow panel a label goes above its field rather than squeezing it.
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._form.addRow(self._title)
        self._form.addRow(self._span)
        self._form.addRow(self._note)
        self._form.addRow(layer_label, self.layer_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self._empty)
        layout.addWidget(self._details)
        layout.addStretch(1)

        self.layer_combo.activated.connect(self._change_layer)
        workbench.selection_changed.connect(self.refresh)
        workbench.annotation_changed.connect(self.refresh)
        workbench.visibility_changed.connect(self.refresh)
        self._build(None)
        self.refresh()

    @property
    def annotation(self) -> Annotation | None:
        """The annotation shown, as last read from the workbench."""
        return self._annotation

    def field(self, name: str) -> QWidget | None:
        """The input of the shown annotation's attribute `name` (e.g. to focus the entity)."""
        return self._inputs.get(name)

    @property
    def pick_button(self) -> QPushButton | None:
        return self._pick

    @property
    def stances(self) -> StanceList | None:
        return self._stances

    def set_text_point_size(self, point_size: float) -> None:
        """Show the annotated words at `point_size` (never below the form's own font), so the
        Arabic reads beside the article's."""
        font = QFont(self.font())
        font.setPointSizeF(max(self.font().pointSizeF(), point_size))
        self._span.setFont(font)

    def focus_first_field(self) -> None:
        """Put the keyboard in the first attribute of the shown annotation (the layer if none)."""
        chain = self._focus_chain + (self._stances.focusables() if self._stances else [])
        first = next((w for w in chain[1:] if w.isEnabled()), None) or self.layer_combo
        first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_picking(self, on: bool) -> None:
        """Press or release the "Pick in text" button without asking the article view again."""
        if self._pick is not None:
            with QSignalBlocker(self._pick):
                self._pick.setChecked(on)

    def refresh(self) -> None:
        """Show the selected annotation as stored; never writes."""
        annotation = self._workbench.selected()
        self._refreshing = True
        try:
            key = None
            if annotation is not None:
                key = (annotation.layer, self._workbench.is_editable(annotation))
            another = (annotation and annotation.id) != (self._annotation and self._annotation.id)
            if another or key != self._built_for:
                # What was typed was for the fields of the annotation shown before.
                self._say_if_lost(annotation)
                self._forget_drafts()
            if key != self._built_for:
                self._build(annotation)
                self._built_for = key
            elif another:
                self._stop_picking()  # picking was for the claim shown before
            self._annotation = annotation
            if annotation is not None:
                self._show(annotation)
        finally:
            self._refreshing = False

    # ------------------------------------------------------------------ building the fields

    def _say_if_lost(self, now_shown: Annotation | None) -> None:
        """Text typed in any field (entity, text, stance target) of an annotation that another
        window or command deleted, or gave another layer, meanwhile cannot be stored: say so,
        with the text, rather than let it vanish. (This window commits a field as it is left,
        so only a change from elsewhere finds text still typed here.)"""
        before = self._annotation
        if before is None or (now_shown is not None and now_shown.id != before.id):
            return
        typed = [t for t in (d.pending() for d in self._drafts) if t]
        if self._stances is not None:
            typed += self._stances.pending_drafts()
        if not typed:
            return
        if now_shown is None and self._workbench.annotation(before.id) is None:
            template = self.tr(
                "The annotation you were typing in was deleted in another window or by "
                "another command; what you typed (%1) was not stored"
            )
        elif now_shown is not None:
            template = self.tr(
                "The annotation you were typing in was changed in another window or by another "
                "command and no longer has that field; what you typed (%1) was not stored"
            )
        else:
            return
        self._workbench.error.emit(compose(template, quote(typed[0], None)))

    def _forget_drafts(self) -> None:
        for draft in self._drafts:
            draft.forget()
        for fields in self._built.values():
            if fields.stances is not None:
                fields.stances.forget_drafts()

    def _stop_picking(self) -> None:
        if self._pick is not None and self._pick.isChecked():
            self.pick_speaker_requested.emit(False)

    def _build(self, annotation: Annotation | None) -> None:
        """Show the rows of the annotation's layer, built the first time they are needed and
        hidden, not destroyed, while another layer is shown (building them anew for every
        selection would cost more than the rest of an edit)."""
        self._stop_picking()
        shown = self._built.get(self._built_for) if self._built_for else None
        if shown is not None:
            for field in shown.fields:
                self._form.setRowVisible(field, False)
        key = None
        if annotation is not None:
            key = (annotation.layer, self._workbench.is_editable(annotation))
            if key not in self._built:
                self._refreshers, self._inputs, self._stances, self._pick = [], {}, None, None
                self._focus_chain = [self.layer_combo]
                fields = self._build_fields(annotation)
                self._built[key] = _Fields(
                    fields,
                    self._refreshers,
                    self._focus_chain,
                    self._inputs,
                    self._stances,
                    self._pick,
                )
            chosen = self._built[key]
            for field in chosen.fields:
                self._form.setRowVisible(field, True)
            self._refreshers, self._focus_chain = chosen.refreshers, chosen.focus_chain
            self._inputs, self._stances, self._pick = chosen.inputs, chosen.stances, chosen.pick
            self.layer_combo.setEnabled(key[1])
            self._note.setVisible(not key[1])
        else:
            self._refreshers, self._inputs, self._stances, self._pick = [], {}, None, None
            self._focus_chain = [self.layer_combo]
        self._empty.setVisible(annotation is None)
        self._details.setVisible(annotation is not None)
        self._order_focus()

    def _build_fields(self, annotation: Annotation) -> list[QWidget]:
        """The rows of the annotation's layer (its fields, one per row)."""
        layer = self._workbench.schema.layer(annotation.layer)
        editable = self._workbench.is_editable(annotation)
        used = set(_TAKEN_LETTERS)
        used |= {other.shortcut.lower() for other in self._workbench.schema.layers}
        builders = {
            "entity": self._entity_field,
            "choice": self._choice_field,
            "text": self._text_field,
            "link": self._link_field,
        }
        fields = []
        for attribute in layer.attributes:
            field, buddy = builders[attribute.type](attribute)
            fields.append(field)
            name = attribute.label or attribute.name.replace("_", " ").capitalize()
            if name == attribute.name:
                name = name.replace("_", " ").capitalize()
            label = QLabel(
                compose(self.tr("%1:"), Isolated(_with_mnemonic(name, used, attribute.name)))
            )
            label.setBuddy(buddy)
            self._inputs[attribute.name] = buddy
            if attribute.description:
                label.setToolTip(attribute.description)
                field.setToolTip(attribute.description)
            self._add_row(label, field, editable)
        if layer.has_stance:
            stances = self._stance_field(layer, used)
            label = QLabel(
                compose(
                    self.tr("%1:"), Isolated(_with_mnemonic(self.tr("Stances"), used, "stances"))
                )
            )
            label.setBuddy(stances.add_button)
            self._add_row(label, stances, editable)
            fields.append(stances)
        return fields

    def _add_row(self, label: QLabel, field: QWidget, editable: bool) -> None:
        self._form.addRow(label, field)
        for widget in (label, field):
            widget.setEnabled(editable)
            # Shown now: a widget put into a shown window would only appear on the next event.
            widget.show()

    def _entity_field(self, attribute: Attribute) -> tuple[QWidget, QWidget]:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.lineEdit().setPlaceholderText(self.tr("Name of the person or body"))
        allow_narrow(combo)
        completer = name_completer(self._entity_names, combo)
        combo.setCompleter(completer)
        draft = Draft(combo.lineEdit(), lambda: self._annotation)
        self._drafts.append(draft)

        def commit() -> None:
            annotation = self._writable()
            if annotation is None:
                return
            base = draft.take()
            name = " ".join(combo.currentText().split())
            entity = annotation.entity
            if (entity is None and not name) or (entity and name in (entity.name, *entity.aliases)):
                return
            description = (
                compose(self.tr("Set speaker entity %1"), quote(name, None))
                if name
                else self.tr("Clear speaker entity")
            )
            self._workbench.edit(
                annotation.id, description, base_revision=base, entity=name or None
            )

        listed: list[list[Entity]] = []  # the entities in the combo (the workbench's list)

        def show(annotation: Annotation) -> None:
            entities = self._workbench.entities()
            if entities is not self._completed:
                self._completed = entities
                self._entity_names.setStringList(
                    [e.name for e in entities] + [alias for e in entities for alias in e.aliases]
                )
            line = combo.lineEdit()
            typed = (line.text(), line.cursorPosition()) if draft.keeps() else None
            with QSignalBlocker(combo), QSignalBlocker(line):
                if not listed or listed[0] is not entities:
                    listed[:] = [entities]
                    combo.clear()
                    combo.addItems([e.name for e in entities])
                if typed is None:
                    name = annotation.entity.name if annotation.entity else ""
                    combo.setCurrentIndex(-1)
                    combo.setEditText(name)
                    # Shown from its start, cut at its reading end: Qt leaves the cursor at
                    # the end, and a long name showed its last words only. The tooltip says
                    # the whole name, above the field's description.
                    line.setCursorPosition(0)
                    whole = isolate(name) if name else ""
                    combo.setToolTip("\n".join(t for t in (whole, attribute.description) if t))
                elif line.text() != typed[0]:
                    line.setText(typed[0])  # clearing the list cleared the field
                    line.setCursorPosition(typed[1])

        commit_when_finished(combo.lineEdit(), completer, commit)
        combo.activated.connect(commit)
        self._refreshers.append(show)
        self._focus_chain.append(combo)
        return combo, combo

    def _choice_field(self, attribute: Attribute) -> tuple[QWidget, QWidget]:
        combo = QComboBox()
        for value in attribute.values:  # shown in the interface's words, stored as the value
            combo.addItem(attribute.value_label(value), value)
        combo.activated.connect(
            lambda index: self._set_attribute(attribute, str(combo.itemData(index)))
        )

        def show(annotation: Annotation) -> None:
            value = annotation.attributes.get(attribute.name, attribute.default or "")
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(value))

        self._refreshers.append(show)
        self._focus_chain.append(combo)
        return combo, combo

    def _text_field(self, attribute: Attribute) -> tuple[QWidget, QWidget]:
        edit = QLineEdit()
        allow_narrow(edit)
        draft = Draft(edit, lambda: self._annotation)
        self._drafts.append(draft)
        edit.editingFinished.connect(
            lambda: self._set_attribute(attribute, " ".join(edit.text().split()), draft)
        )

        def show(annotation: Annotation) -> None:
            value = str(annotation.attributes.get(attribute.name, ""))
            if edit.text() != value and not draft.keeps():
                with QSignalBlocker(edit):
                    edit.setText(value)
                    edit.setCursorPosition(0)  # shown from its start, not its end

        self._refreshers.append(show)
        self._focus_chain.append(edit)
        return edit, edit

    def _link_field(self, attribute: Attribute) -> tuple[QWidget, QWidget]:
        combo = ElidedCombo()
        allow_narrow(combo)
        self._pick = QPushButton(self.tr("Pick in text"))
        self._pick.setCheckable(True)
        target = self._workbench.schema.layer(attribute.layer or "")
        source = next(
            layer for layer in self._workbench.schema.layers if attribute in layer.attributes
        )
        self._pick.setToolTip(
            compose(
                self.tr("Click the %1 in the article to link this %2 to it"),
                target.label.lower(),
                source.label.lower(),
            )
        )
        self._pick.toggled.connect(self.pick_speaker_requested)
        combo.activated.connect(lambda index: self._set_link(target, combo.itemData(index)))

        # A model, not items: a long report has thousands of mentions, and only the few in
        # the popup's view are ever labelled.
        mentions = MentionList(_mention_label, combo)
        combo.setModel(mentions)

        def show(annotation: Annotation) -> None:
            with QSignalBlocker(combo):
                # A link stays within one annotator's work; for the researcher's own claims these
                # are `workbench.speakers()`, for another annotator's their own mentions.
                mentions.set_mentions(self._workbench.mentions(target.name, annotation.annotator))
                combo.setCurrentIndex(mentions.row_of(annotation.link_id))

        field = QWidget()
        row = QHBoxLayout(field)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(combo, 1)
        row.addWidget(self._pick)
        self._refreshers.append(show)
        self._focus_chain += [combo, self._pick]
        return field, combo

    def _stance_field(self, layer: Layer, used: set[str]) -> StanceList:
        stances = StanceList(
            layer.stance_values,
            self._stance_targets,
            _with_mnemonic(self.tr("Add stance"), used, "add stance"),
            shown=lambda: self._annotation,
            label=layer.stance_label,
        )
        stances.edited.connect(self._set_stances)
        stances.rows_changed.connect(self._order_focus)

        def show(annotation: Annotation) -> None:
            targets = self._workbench.stance_targets()
            if targets is not self._targets:
                self._targets = targets
                self._stance_targets.setStringList(targets)
            stances.show_stances(annotation.stances)

        self._refreshers.append(show)
        self._stances = stances
        return stances

    def _order_focus(self) -> None:
        chain = self._focus_chain + (self._stances.focusables() if self._stances else [])
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    # ------------------------------------------------------------------ showing the annotation

    def _show(self, annotation: Annotation) -> None:
        layer = self._workbench.schema.layer(annotation.layer)
        self._title.setText(
            f'<span style="color:{layer.color}">■</span> <b>{html.escape(layer.label)}</b>'
        )
        _set_direction_by_text(self._span, one_line(annotation.text, 600))
        self._span.setToolTip(annotation.text)
        self._note.setText(compose(self.tr("annotation by %1 — read only"), annotation.annotator))
        with QSignalBlocker(self.layer_combo):
            self.layer_combo.setCurrentIndex(self.layer_combo.findData(annotation.layer))
        for show in self._refreshers:
            show(annotation)

    # ------------------------------------------------------------------ writing

    def _writable(self) -> Annotation | None:
        """The annotation shown, as stored, unless the editor is only showing values."""
        if self._refreshing or self._annotation is None:
            return None
        return self._workbench.annotation(self._annotation.id)

    def _change_layer(self, index: int) -> None:
        annotation = self._writable()
        name = self.layer_combo.itemData(index)
        if annotation is not None and name != annotation.layer:
            label = self.layer_combo.itemText(index)
            self._workbench.edit(
                annotation.id, compose(self.tr("Change layer to %1"), label), layer=name
            )

    def _set_attribute(self, attribute: Attribute, value: str, draft: Draft | None = None) -> None:
        annotation = self._writable()
        if annotation is None:
            return
        base = draft.take() if draft else None
        if annotation.attributes.get(attribute.name, "") == value:
            return
        attributes = {**annotation.attributes, attribute.name: value}
        shown = attribute.label or attribute.name
        description = (
            compose(self.tr("Set %1 to %2"), shown, quote(attribute.value_label(value), None))
            if value
            else compose(self.tr("Clear %1"), shown)
        )
        self._workbench.edit(annotation.id, description, base_revision=base, attributes=attributes)

    def _set_link(self, target: Layer, link_id: str) -> None:
        annotation = self._writable()
        if annotation is None or (annotation.link_id or "") == link_id:
            return
        layer = self._workbench.schema.layer(annotation.layer)
        linked = self._workbench.annotation(link_id)
        description = (
            compose(
                self.tr("Link %1 to %2 %3"),
                layer.label.lower(),
                target.label.lower(),
                quote(linked.text),
            )
            if linked
            else compose(
                self.tr("Unlink %1 from its %2"), layer.label.lower(), target.label.lower()
            )
        )
        self._workbench.edit(annotation.id, description, link_id=link_id or None)

    def _set_stances(self, stances: list[tuple[str, str]]) -> None:
        annotation = self._writable()
        if annotation is None or self._stances is None:
            return
        base = self._stances.take_drafts()
        before = [(s.target, s.value) for s in annotation.stances]
        if stances != before:
            layer = self._workbench.schema.layer(annotation.layer)
            description = describe_change(before, stances, layer.stance_label)
            self._workbench.edit(annotation.id, description, base_revision=base, stances=stances)


@dataclass
class _Fields:
    """The rows built for one layer, editable or read only, kept to be shown again."""

    fields: list[QWidget]  # the field of each row
    refreshers: list[Callable[[Annotation], None]]
    focus_chain: list[QWidget]
    inputs: dict[str, QWidget]
    stances: StanceList | None
    pick: QPushButton | None


def _mention_label(speaker: Annotation) -> str:
    text = one_line(speaker.text, 40)
    if speaker.entity is None or speaker.entity.name == text:
        # An isolate: in an English box a cut Arabic mention keeps its "…" at its own end.
        return isolate(text)
    return compose(
        QCoreApplication.translate("AttributeEditor", "%1 — %2"), text, speaker.entity.name
    )


def _with_mnemonic(text: str, used: set[str], hint: str = "") -> str:
    """`text` with an Alt mnemonic no other field or action of the form has (an ambiguous one
    fires nothing), always a Latin letter, since Alt+Arabic letter cannot be typed on a Latin
    layout: an & before the first free Latin letter of `text`; a text with none (Arabic)
    gets the first free letter of `hint` (the attribute's English name), else of A-Z, in
    brackets after it: «المتحدث (&S)», as the menus do. `used` (lower-case letters) grows by the
    letter taken; `text` is returned unchanged when every letter is taken."""
    for i, ch in enumerate(text):
        if ch.isascii() and ch.isalpha() and ch.lower() not in used:
            used.add(ch.lower())
            return f"{text[:i]}&{text[i:]}"
    if any(ch.isascii() and ch.isalpha() for ch in text):
        return text
    for ch in hint.lower() + "abcdefghijklmnopqrstuvwxyz":
        if ch.isascii() and ch.isalpha() and ch not in used:
            used.add(ch)
            return f"{text} (&{ch.upper()})"
    return text
