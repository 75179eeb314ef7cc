"""Stage 3, articles: one module per chapter's analysis, plus the page-wide timeline of every printed date.

A chapter author's room: the notebook in ``chapters/``, its module here, its tables in ``data/``.
"""
