"""How the book writes values for a reader: dates today; the language of each edition lands here.

Imports nothing of the book but its foundation (``axbook.paths``, ``axbook.errors``): every stage above may use it.
"""
