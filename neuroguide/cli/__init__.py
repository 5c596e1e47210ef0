"""The command line: ``parser.py`` (whose ``main`` is the ``neuroguide`` command) and one module
per command."""
