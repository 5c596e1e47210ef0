"""Pure-Python heart of NeuroGuide: exercises, routines, the session engine and its events.

Nothing here imports Qt, a speech engine or SQLite (import-linter enforces it), so every rule
about time can be tested with a fake clock.
"""
