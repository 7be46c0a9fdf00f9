"""The supervisor's dashboard (DESIGN.md §5): open casework at a glance, from `GET /v1/cases/stats`.

KPI tiles (open cases, at risk, breached, approvals waiting, unassigned) above three charts:
queue depth by queue stacked by SLA state, open cases by status, and the ageing of open cases.
It reads the stats again every minute while it is on screen, and on Refresh.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.api import ApiClient
from console.cases import CaseStats, case_stats
from console.formatting import to_business_time
from ui.casework.labels import CASE_STATUS_TEXTS, QUEUE_TEXTS, SLA_STATE_TEXTS, text_of
from ui.icons import icon
from ui.supervisor import chart_colour, sla_chart_colour
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.while_shown import WhileShown
from ui.workspace.header import set_role

REFRESH_MS = 60_000  # the dashboard reads the stats again every minute while on screen
SLA_ORDER = ("on_track", "at_risk", "breached", "paused")
KPI_KEYS = ("open", "at_risk", "breached", "approvals", "unassigned")


def kpis_of(stats: CaseStats) -> dict[str, int]:
    """The tiles' numbers from the stats."""
    return {
        "open": stats.open_total,
        "at_risk": stats.by_sla_state.get("at_risk", 0),
        "breached": stats.by_sla_state.get("breached", 0),
        "approvals": stats.pending_approvals,
        "unassigned": sum(queue.unassigned for queue in stats.queues),
    }


def statuses_in_order(by_status: dict[str, int]) -> list[str]:
    """The statuses present, in the casework order (new first), unknown ones last."""
    known = [status for status in CASE_STATUS_TEXTS if status in by_status]
    return known + sorted(status for status in by_status if status not in CASE_STATUS_TEXTS)


class KpiTile(QFrame):
    """A number with its caption, on a card; a click (or Enter or Space when it has the focus)
    emits ``activated()``: the dashboard opens the list the number counts."""

    activated = Signal()

    def __init__(self, caption: str, tone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setProperty("clickable", True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.caption_label = QLabel(caption, self)
        set_role(self.caption_label, "caption")
        layout.addWidget(self.caption_label)
        self.value_label = QLabel("–", self)
        self.value_label.setObjectName("figureValue")
        font = QFont(self.value_label.font())
        font.setPixelSize(26)
        font.setBold(True)
        self.value_label.setFont(font)
        layout.addWidget(self.value_label)
        self.detail_label = QLabel(self)  # what the number is made of, where that needs saying
        set_role(self.detail_label, "caption")
        self.detail_label.setVisible(False)
        layout.addWidget(self.detail_label)
        self._tone = tone

    def set_value(self, value: int) -> None:
        self.value_label.setText(str(value))
        if self._tone and value > 0:
            colour = chart_colour(self._tone).name()
            self.value_label.setStyleSheet(f"color: {colour};")
        else:
            self.value_label.setStyleSheet("")

    def value(self) -> int | None:
        text = self.value_label.text()
        return int(text) if text.isdigit() else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 — Qt's API
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 — Qt's API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


class BarChart(QChartView):
    """One bar chart (plain or stacked) with category and value axes, redrawn from numbers."""

    def __init__(self, title: str, *, stacked: bool, horizontal_legend: bool = True,
                 horizontal_bars: bool = False, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(228)  # two rows of charts and the tiles fit 800 px in Chinese too
        self._stacked = stacked
        self._horizontal = horizontal_bars
        self.category_axis = QBarCategoryAxis()
        # Whole words: QtCharts cut them to "15–3…" with room to spare, and in Chinese the
        # statuses down the side to "…" (issue 14, the screenshots at 1280×800).
        self.category_axis.setTruncateLabels(False)
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%d")
        # Long category words (statuses) read better down the side, bars running across.
        chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignLeft if horizontal_bars else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignBottom if horizontal_bars else Qt.AlignmentFlag.AlignLeft)
        self.series: QAbstractBarSeries | None = None
        self.sets: dict[str, QBarSet] = {}
        chart.legend().setVisible(horizontal_legend)

    def show_values(self, categories: list[str], sets: list[tuple[str, str, list[int], QColor]]) -> None:
        """Draw `sets` [(key, label, values per category, colour)] over `categories`."""
        if self._horizontal:
            # Bars across are drawn bottom-up: reversed, the first category reads first, on top.
            categories = categories[::-1]
            sets = [(key, label, values[::-1], colour) for key, label, values, colour in sets]
        chart = self.chart()
        chart.removeAllSeries()  # deletes the old series and their sets
        series: QAbstractBarSeries
        if self._stacked:
            series = QStackedBarSeries()
        elif self._horizontal:
            series = QHorizontalBarSeries()
        else:
            series = QBarSeries()
        self.sets = {}
        for key, label, values, colour in sets:
            bar_set = QBarSet(label)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            series.append(bar_set)
            self.sets[key] = bar_set
        series.setBarWidth(0.6)
        chart.addSeries(series)
        self.category_axis.setCategories(categories)
        if self._stacked:
            top = max((sum(column) for column in zip(*(s[2] for s in sets), strict=False)), default=0)
        else:
            top = max((max(s[2], default=0) for s in sets), default=0)
        # Whole-number ticks: the axis ends on a multiple of its step.
        top = max(int(top), 1)
        step = 1 if top < 5 else -(-top // 5)
        ticks = top // step + 1 if top < 5 else 5
        self.value_axis.setRange(0, step * ticks)
        self.value_axis.setTickCount(ticks + 1)
        series.attachAxis(self.category_axis)
        series.attachAxis(self.value_axis)
        self.series = series
        self.apply_palette()

    def values_of(self, key: str) -> list[int]:
        """The values drawn for set `key` (tests compare them with the stats)."""
        bar_set = self.sets.get(key)
        if bar_set is None:
            return []
        values = [int(bar_set.at(i)) for i in range(bar_set.count())]
        return values[::-1] if self._horizontal else values

    def categories(self) -> list[str]:
        """The categories in the order given to `show_values`."""
        categories = list(self.category_axis.categories())
        return categories[::-1] if self._horizontal else categories

    def apply_palette(self) -> None:
        """Colours from the application palette, so the chart reads in the light and dark theme."""
        palette = QGuiApplication.palette()
        text = palette.windowText().color()
        base = palette.base().color()
        grid = palette.mid().color()
        font = QFont(QGuiApplication.font())
        chart = self.chart()
        chart.setBackgroundBrush(QBrush(base))
        chart.setBackgroundPen(QPen(grid))
        chart.setBackgroundRoundness(6)
        title_font = QFont(font)
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.setTitleBrush(QBrush(text))
        chart.legend().setLabelColor(text)
        chart.legend().setFont(font)
        for axis in (self.category_axis, self.value_axis):
            axis.setLabelsColor(text)
            axis.setLabelsFont(font)
            axis.setLinePenColor(grid)
            axis.setGridLineColor(grid)
        self.setBackgroundBrush(QBrush(palette.window().color()))


class DashboardView(QWidget):
    """KPI tiles and charts of the open casework. `stats_loaded()` after each (re)load;
    `tile_activated(key)` when a tile is clicked (a key of `KPI_KEYS`: the main window opens
    the list that tile counts, `ui.main_window.MainWindow.open_dashboard_list`)."""

    stats_loaded = Signal()
    tile_activated = Signal(str)

    def __init__(self, client: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._task = LatestOnly()
        self.stats: CaseStats | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Dashboard"), self)
        title.setObjectName("pageHeading")
        bar.addWidget(title)
        self.updated_label = QLabel(self)
        set_role(self.updated_label, "secondary")
        bar.addWidget(self.updated_label)
        bar.addStretch(1)
        self.busy = BusyIndicator(self)
        bar.addWidget(self.busy)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)

        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        self.tiles: dict[str, KpiTile] = {
            "open": KpiTile(self.tr("Open cases"), parent=self),
            "at_risk": KpiTile(self.tr("At risk"), "warning", self),
            "breached": KpiTile(self.tr("Breached"), "danger", self),
            "approvals": KpiTile(self.tr("Approvals waiting"), "info", self),
            "unassigned": KpiTile(self.tr("Unassigned"), parent=self),
        }
        tips = {
            "open": self.tr("Open the queues: every open case"),
            "at_risk": self.tr("Open the queues: the open cases at risk of missing their deadline"),
            "breached": self.tr("Open the queues: the open cases past their deadline"),
            "approvals": self.tr("Open the approvals inbox"),
            "unassigned": self.tr("Open the queues: the open cases nobody holds"),
        }
        for key in KPI_KEYS:
            tile = self.tiles[key]
            tile.setToolTip(tips[key])
            tile.activated.connect(lambda k=key: self.tile_activated.emit(k))
            tiles.addWidget(tile, 1)
        layout.addLayout(tiles)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.queue_chart = BarChart(self.tr("Queue depth by SLA state"), stacked=True, parent=self)
        self.status_chart = BarChart(self.tr("Open cases by status"), stacked=False, horizontal_legend=False,
                                     horizontal_bars=True, parent=self)
        self.ageing_chart = BarChart(self.tr("Age of open cases"), stacked=False, horizontal_legend=False,
                                     parent=self)
        grid.addWidget(self.queue_chart, 0, 0, 1, 2)
        grid.addWidget(self.status_chart, 1, 0)
        grid.addWidget(self.ageing_chart, 1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout.addLayout(grid, 1)

        self.refreshing = WhileShown(self, on_show=self.refresh)
        self.refresh_timer = self.refreshing.timer("dashboardRefresh", REFRESH_MS, self.refresh)

    # -- life --------------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop refreshing and drop a read still on its way (the view is closing)."""
        self.refreshing.stop()
        self._task.discard()

    def close_view(self) -> None:
        self.stop()

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        client = self._client
        task: Task[CaseStats] = Task(lambda: case_stats(client), parent=self, label="dashboard stats")
        task.on_success(self._stats_arrived).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.refresh)
        ).with_busy(self.busy)
        self._task.run(task)

    def _stats_arrived(self, stats: CaseStats) -> None:
        self.banner.clear()
        self.stats = stats
        for key, value in kpis_of(stats).items():
            self.tiles[key].set_value(value)
        # Arrangements wait in the approvals queue, dispute outcomes over the four-eyes limit in
        # the disputes queue: the tile counts both (as the inbox lists both), the chart's
        # Approvals bar only the first; the tile says so (it read 5 beside a bar of 4).
        arrangements = next((q.open for q in stats.queues if q.queue == "approvals"), 0)
        outcomes = max(0, stats.pending_approvals - arrangements)
        detail = self.tiles["approvals"].detail_label
        detail.setText(self.tr("%n arrangement(s)", "", arrangements) + " · "
                       + self.tr("%n dispute outcome(s)", "", outcomes))
        detail.setVisible(stats.pending_approvals > 0)
        self._draw(stats)
        as_of = to_business_time(stats.as_of) if stats.as_of.tzinfo is not None else stats.as_of
        self.updated_label.setText(self.tr("Updated %1").replace("%1", as_of.strftime("%H:%M")))
        self.updated_label.setToolTip(as_of.strftime("%Y-%m-%d %H:%M:%S"))
        self.stats_loaded.emit()

    def _draw(self, stats: CaseStats) -> None:
        queues = list(stats.queues)
        self.queue_chart.show_values(
            [text_of(QUEUE_TEXTS, q.queue) for q in queues],
            [
                (state, text_of(SLA_STATE_TEXTS, state), [int(getattr(q, state)) for q in queues], sla_chart_colour(state))
                for state in SLA_ORDER
            ],
        )
        statuses = statuses_in_order(stats.by_status)
        self.status_chart.show_values(
            [text_of(CASE_STATUS_TEXTS, s) for s in statuses],
            [("cases", self.tr("Open cases"), [stats.by_status[s] for s in statuses], chart_colour("info"))],
        )
        self.ageing_chart.show_values(
            [self.bucket_text(b.min_days, b.max_days) for b in stats.ageing],
            [("cases", self.tr("Open cases"), [b.count for b in stats.ageing], chart_colour("neutral"))],
        )

    def bucket_text(self, min_days: int, max_days: int | None) -> str:
        """An ageing bucket in words: "0–1 d", "30+ d"."""
        if max_days is None:
            return self.tr("%1+ d").replace("%1", str(min_days))
        return self.tr("%1–%2 d").replace("%1", str(min_days)).replace("%2", str(max_days))

    def kpi_values(self) -> dict[str, int | None]:
        """The numbers the tiles show."""
        return {key: tile.value() for key, tile in self.tiles.items()}

    def updated_at(self) -> datetime | None:
        return self.stats.as_of if self.stats is not None else None
