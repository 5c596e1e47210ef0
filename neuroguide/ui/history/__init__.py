"""ui/history."""
