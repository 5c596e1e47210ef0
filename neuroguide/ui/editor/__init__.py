"""ui/editor."""
