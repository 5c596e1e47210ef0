"""The exercises and routines: the loader of built-in and own content, and the person's files
(own routines, own exercises, shared programmes)."""
