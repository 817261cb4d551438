"""A list the person can search by typing (banks, fault categories): any part of the name in
either language, or the code, finds the entry; what is kept is always one of the list's codes,
never the typed text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ..domain.errors import Text

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # what typing is matched against


class ChoiceBox(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing adds nothing to the list
        completer = QCompleter(self.model(), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # The row is read when highlighted: once taken, the list is filtered again for the
        # words put in the field, and the index it reports no longer points at the entry.
        completer.highlighted[QModelIndex].connect(self._highlighted)
        completer.activated[QModelIndex].connect(self._picked)
        self.highlighted_row = -1
        self.setCompleter(completer)
        self.lineEdit().editingFinished.connect(self.settle_text)

    def add_choice(self, code: str, label: Text, lang: str) -> None:
        self.addItem(label.get(lang), code)
        words = f"{label.zh} {label.en} {code}" if code else ""
        self.setItemData(self.count() - 1, words, SEARCH_ROLE)

    def matches(self, typed: str) -> list[int]:
        """The rows that typing `typed` means: its exact name or code, else every row whose
        names or code contain it."""
        typed = typed.strip().casefold()
        rows = range(1, self.count())  # row 0 is "none chosen"
        exact = [
            i
            for i in rows
            if typed in (self.itemText(i).casefold(), str(self.itemData(i) or "").casefold())
        ]
        if exact:
            return exact
        return [i for i in rows if typed in str(self.itemData(i, SEARCH_ROLE) or "").casefold()]

    def _highlighted(self, index: QModelIndex) -> None:
        self.highlighted_row = self.completer().completionModel().mapToSource(index).row()

    def _picked(self, _index: QModelIndex) -> None:
        """An entry taken from the completion list."""
        row, self.highlighted_row = self.highlighted_row, -1
        self._choose(row if row > 0 else self.currentIndex())

    def settle_text(self) -> None:
        """After typing: choose the entry the text names (only one may fit), or show the
        chosen entry again; an empty text chooses none."""
        typed = self.currentText()
        if typed == self.itemText(self.currentIndex()):
            return
        if not typed.strip():
            self._choose(0)
            return
        found = self.matches(typed)
        self._choose(found[0] if len(found) == 1 else self.currentIndex())

    def _choose(self, row: int) -> None:
        self.setCurrentIndex(row)
        self.setEditText(self.itemText(row))

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.settle_text()
