"""ui/reminders."""
