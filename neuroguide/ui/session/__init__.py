"""ui/session."""
