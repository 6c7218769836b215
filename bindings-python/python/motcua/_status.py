"""The 10 statuses of the national public-service portal."""

from __future__ import annotations

from enum import IntEnum

from motcua._motcua import _status_names


class Status(IntEnum):
    """A dossier's status; the value is the national portal's code (1-10)."""

    SUBMITTED = 1
    ACCEPTED = 2
    REFUSED = 3
    PROCESSING = 4
    SUPPLEMENT_REQUESTED = 5
    FINANCIAL_OBLIGATION = 6
    WITHDRAWN = 7
    SUSPENDED = 8
    RESOLVED = 9
    RETURNED = 10

    @property
    def name_vi(self) -> str:
        """The Vietnamese name the portal shows."""
        return _NAMES[self][0]

    @property
    def name_en(self) -> str:
        """The English name."""
        return _NAMES[self][1]

    @property
    def is_final(self) -> bool:
        """No event can follow (refused, withdrawn, returned)."""
        return self in (Status.REFUSED, Status.WITHDRAWN, Status.RETURNED)


# The names come from the core, so that every runtime prints the same ones.
_NAMES = {Status(code): (vi, en) for code, vi, en in _status_names()}
