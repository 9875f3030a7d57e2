"""A yes/no question whose buttons say what they do ("Restore the backup" / "Do not restore"),
as the platform guidelines ask and as Arabic reads better than a bare «نعم/لا»."""

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str, accept: str, decline: str) -> bool:
    """Show `text` in a modal question box with two buttons labelled `accept` and `decline`
    (already translated); True when the user chose `accept`. Closing the box or Escape
    declines. Raises nothing."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(decline, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
