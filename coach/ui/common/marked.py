"""Words kept in a table and translated where they are shown.

`QT_TRANSLATE_NOOP("Context", "literal")` marks a string for Qt's lupdate and returns it as it
is; the code that shows it calls `QCoreApplication.translate("Context", text)` in the same
context. PySide6 has the same function, typed as returning `object`; this one says `str`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Mark `text` for translation in `context` and return it unchanged."""
    return text
