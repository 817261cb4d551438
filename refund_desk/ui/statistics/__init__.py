"""The 统计 tab, generic over the registered reports: the tab (`tab`), one report on screen
(`view`), a table model and a chart over any report table (`model`, `chart`), the monthly
tables' lifecycle panel (`month_panel`) and the worker's jobs (`jobs`)."""

from .tab import StatisticsTab

__all__ = ["StatisticsTab"]
