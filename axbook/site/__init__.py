"""Stage 5, site: the build (lock, validate, execute, render, publish), the Sphinx extension, fonts, sharing, PDF.

Machinery: a chapter never imports it.
"""
