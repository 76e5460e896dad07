"""The site's content logic: load, validate and render facts, terms and sources.

Plain Python with no MkDocs import, so that the checker, the MkDocs hook and any
other generator share one implementation.
"""
