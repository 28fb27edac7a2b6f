"""A column of cards laid out by hand, so that a card whose text changes moves nothing else.

In a QVBoxLayout, a label's new text re-lays its card and then, whatever the card's new size,
the whole column and the scroll area around it (QLayout.activate always tells the parent
that its size hint may have changed).  With numbers changing on every lever toggle that cost
two full passes over every KPI card.  Here a card re-lays only itself; the column moves the
cards below it only when its height really changed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QStyle, QWidget

MARGIN = 2  # around the column, as the QVBoxLayout it replaces had


class CardStack(QWidget):
    """Cards one under another at their height for the column's width, from the top (the
    rest of the column stays empty), the spacing of the style's vertical layouts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[QWidget] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._total: int | None = None  # the height last announced through updateGeometry
        self._widths: tuple[int, int] | None = None  # see _hint_widths
        self._first_texts = False
        self._spacing_px: int | None = None  # see _spacing

    def set_cards(self, cards: list[QWidget]) -> None:
        """Show ``cards`` (children of this widget) in this order."""
        self.cards = list(cards)
        for card in self.cards:
            card.setParent(self)
            card.show()
        self._total = None
        self._widths = None
        self._first_texts = True
        self.relayout()

    def _spacing(self) -> int:
        """The style's vertical layout spacing, asked once per style (a style sheet's style
        answers through its rules, on every relayout of every toggle)."""
        if self._spacing_px is None:
            spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing)
            self._spacing_px = max(spacing, 0)
        return self._spacing_px

    def _shown(self) -> list[QWidget]:
        return [card for card in self.cards if not card.isHidden()]

    @staticmethod
    def _card_height(card: QWidget, width: int) -> int:
        """The height a QVBoxLayout gives a card: its height for the width, within its
        minimum and maximum heights."""
        height = card.heightForWidth(width) if card.hasHeightForWidth() else -1
        if height < 0:
            height = card.sizeHint().height()
        return min(max(height, card.minimumHeight()), card.maximumHeight())

    def heightForWidth(self, width: int) -> int:  # Qt override
        inner = max(width - 2 * MARGIN, 0)
        heights = [self._card_height(card, inner) for card in self._shown()]
        return 2 * MARGIN + sum(heights) + self._spacing() * max(len(heights) - 1, 0)

    def hasHeightForWidth(self) -> bool:  # Qt override
        return True

    def _hint_widths(self) -> tuple[int, int]:
        """(preferred, minimum) width of the widest card.  A card's preferred size lays out
        all its word-wrapped labels afresh after any new text (about a millisecond for the
        column); the widths do not follow the numbers, so they are measured once per set of
        cards (after their first texts) and after a language, font or style change."""
        if self._widths is None:
            shown = self._shown()
            hint = max((card.sizeHint().width() for card in shown), default=0)
            least = max((card.minimumSizeHint().width() for card in shown), default=0)
            self._widths = (hint + 2 * MARGIN, least + 2 * MARGIN)
        return self._widths

    def sizeHint(self) -> QSize:  # Qt override
        width = self._hint_widths()[0]
        # Its height for its own width (cached by each card's layout), not for the hint's:
        # asking a card's layout for a second width would lay it out twice on every change.
        return QSize(width, self.heightForWidth(self.width() if self.width() > 0 else width))

    def minimumSizeHint(self) -> QSize:  # Qt override
        shown = self._shown()
        # A card's layout sets its minimum size to what it needs (a stored value); a card not
        # laid out yet is asked.
        heights = [
            card.minimumHeight() if card.minimumHeight() > 0 else card.minimumSizeHint().height()
            for card in shown
        ]
        height = sum(heights) + self._spacing() * max(len(heights) - 1, 0)
        return QSize(self._hint_widths()[1], height + 2 * MARGIN)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() in (
            QEvent.Type.LanguageChange,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._widths = None
            if event.type() == QEvent.Type.StyleChange:
                self._spacing_px = None
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:  # Qt override
        # A card's layout changed (posted here by the card: this widget has no layout).
        if event.type() == QEvent.Type.LayoutRequest:
            if self._first_texts:  # the new cards have their first texts: measure them
                self._first_texts = False
                self._widths = None
            self.relayout()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        """Put each card at its height for the width; tell the scroll area only when the
        column's height for that width changed."""
        if self.width() <= 2 * MARGIN:
            return  # not laid out yet: the first resize places the cards
        width = self.width() - 2 * MARGIN
        spacing = self._spacing()
        y = MARGIN
        for card in self._shown():
            rect = QRect(MARGIN, y, width, self._card_height(card, width))
            if card.geometry() != rect:
                card.setGeometry(rect)
            y += rect.height() + spacing
        total = y - spacing + MARGIN if y > MARGIN else 2 * MARGIN
        if total != self._total:
            self._total = total
            self.updateGeometry()
