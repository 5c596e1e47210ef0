"""ui/shell."""
