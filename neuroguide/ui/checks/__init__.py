"""Progress checks in the GUI: the guided check screens and the Progress view."""
