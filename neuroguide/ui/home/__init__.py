"""ui/home."""
