"""The data files shipped inside the package (``borderlex/data/``)."""

from __future__ import annotations

import os

__all__ = ["bundled_bytes"]


def bundled_bytes(*parts: str) -> bytes:
    """The bytes of ``borderlex/data/<parts>``: plain file reads for an
    unpacked package, ``importlib.resources`` for a zipped one."""
    here = os.path.join(os.path.dirname(__file__), "data", *parts)
    if os.path.isfile(here):
        with open(here, "rb") as f:
            return f.read()
    from importlib import resources  # noqa: PLC0415 - only a zipped package needs it

    return resources.files("borderlex").joinpath("data", *parts).read_bytes()
