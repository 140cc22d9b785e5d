"""Unknot: a desktop coach for people who live with chronic pain."""

from __future__ import annotations

__version__ = "0.1.0"
