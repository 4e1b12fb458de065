"""The staff panel's statistics as a bar chart: what patients opened, by the page's title, most
opened on top.

Qt Charts is a large library the patients' screens never need: the staff panel imports this
module only when staff open the statistics (kiosk/views/staff_view.py), so the kiosk's start
does not pay for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Property, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

MOST_BARS = 12  # more would not be read; the CSV export holds every count


class OpenedChart(QChartView):
    """Horizontal bars: one per page, its title beside it and its count at its end.

    Colours come from the stylesheet (`color`, `qproperty-bar_color`), so high contrast
    applies; the text is the body text's size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OpenedChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._bar = QColor("#1F5F99")
        self.bars: list[tuple[str, int]] = []
        chart = QChart()
        chart.legend().hide()
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(0, 0, 0, 0))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)
        self.setStyleSheet("background: transparent")

    def _get_bar(self) -> QColor:
        return self._bar

    def _set_bar(self, colour: QColor) -> None:
        self._bar = QColor(colour)
        if self.bars:
            self.show_bars(self.bars)

    bar_color = Property(QColor, _get_bar, _set_bar)

    def show_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        """`bars`: (title, count), most first; at most MOST_BARS are drawn."""
        self.bars = list(bars)[:MOST_BARS]
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        ink = self.palette().color(self.foregroundRole())
        font = QFont(self.font())
        counts = QBarSet("")
        counts.setColor(self._bar)
        counts.setBorderColor(self._bar)
        counts.setLabelColor(ink)
        counts.setLabelFont(font)
        shown = list(reversed(self.bars))  # a horizontal chart draws its first bar lowest
        counts.append([float(count) for _title, count in shown])
        series = QHorizontalBarSeries()
        series.append(counts)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        series.setBarWidth(0.7)
        chart.addSeries(series)
        titles = QBarCategoryAxis()
        titles.append([title for title, _count in shown])
        values = QValueAxis()
        values.setRange(0, max([count for _title, count in shown] or [1]) * 1.15)
        values.setLabelsVisible(False)
        values.setGridLineVisible(False)
        values.setLineVisible(False)
        for axis in (titles, values):
            axis.setLabelsFont(font)
            axis.setLabelsBrush(QBrush(ink))
            axis.setLinePen(QPen(ink, 2))
        titles.setGridLineVisible(False)
        chart.addAxis(titles, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(titles)
        series.attachAxis(values)
        self.setMinimumHeight(max(160, len(shown) * (font.pixelSize() + 36) + 40))
        # What a screen reader says for the picture: each bar's title and count, top first.
        self.setAccessibleDescription("; ".join(f"{title}: {count}" for title, count in self.bars))

    def titles(self) -> list[str]:
        """The titles on the chart, top first, as staff read them."""
        return [title for title, _count in self.bars]
