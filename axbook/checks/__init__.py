"""Stage 2, checks: the one verdict rule and its precision, and the chapters' parameters.

Beside ``axbook.figures``, not above it: neither imports the other.
"""
