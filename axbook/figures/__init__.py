"""Stage 2, figures: the one theme, the chart builders, the offline renderer, each chart's downloads.

Reads tables from ``axbook.data``; knows nothing of chapters, pages or the site.
"""
