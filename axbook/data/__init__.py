"""Stage 1, data: the descriptor read safely, every table validated and loaded, the record of what a page read.

The only way a number enters the book. Imports nothing of the book above it.
"""
