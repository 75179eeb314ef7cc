"""Stage 4, pages: the front page, the data page, every chapter's claims ledger, and values glued into prose.
"""
