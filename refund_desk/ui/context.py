"""What every screen is given: who is working, where the database is, and the worker."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.calendar import WorkCalendar
from ..store.actors import Actor
from ..store.db import Location
from .worker import Worker


@dataclass
class AppContext:
    actor: Actor
    location: Location
    worker: Worker
    lang: str = "zh"  # "zh" | "en"
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    demo: bool = False  # a demo database: every screen and printout says so
    read_only: bool = False  # a read-only copy while the database waits for its upgrade
    idle_lock_ms: int = 0  # the window locks after this long without input; 0: never
    database_id: str = ""  # the database's identity: this PC's drafts are kept under it
