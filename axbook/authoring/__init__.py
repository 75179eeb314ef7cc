"""Beside the site, for authors: `make regen`, `make chapter`, and what changed in a stale notebook.
"""
