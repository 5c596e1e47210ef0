"""ui/settings."""
