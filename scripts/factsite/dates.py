"""Dates at year, month or day precision, as editors write them and readers read them."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


class DateError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        text = str(value).strip()
        match = _ISO.match(text)
        if not match:
            raise DateError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1982-09-24")
        year, month, day = (int(g) if g else 0 for g in match.groups())
        if match.group(2) and not 1 <= month <= 12:
            raise DateError(f"'{text}' has no month {match.group(2)}: the month is 01 to 12")
        if match.group(3):
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(f"'{text}' is not a day of the calendar: {MONTHS[month]} {year} has days 01 to {last}")
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        """'1986', 'September 1982' or '24 September 1982'."""
        if self.day:
            return f"{self.day} {MONTHS[self.month]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month]} {self.year}"
        return str(self.year)

    def end_key(self) -> tuple[int, int, int]:
        """The last day this date may stand for, to compare against a start."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)

    def start_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)


def human_range(start: PartialDate, end: PartialDate | None) -> str:
    """Write a date or a range for readers: '2–25 July 1951', '17–18 November 2015', '1978–1982'."""
    if end is None or end == start:
        return start.human()
    dash = "\u2013"
    if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{dash}{end.day} {MONTHS[start.month]} {start.year}"
    if start.precision == end.precision == "month" and start.year == end.year:
        return f"{MONTHS[start.month]}{dash}{MONTHS[end.month]} {start.year}"
    if start.precision == end.precision == "day" and start.year == end.year:
        return f"{start.day} {MONTHS[start.month]} {dash} {end.day} {MONTHS[end.month]} {start.year}"
    return f"{start.human()}{dash}{end.human()}"
