"""The one interpreter every reader shares: a neutral document in, a report out.

Label knowledge lives here and only here; front ends know their formats and nothing about
the template (see :mod:`govinfo.reading.document`).
"""

from govinfo.reading.interpret._interpret import interpret

__all__ = ["interpret"]
