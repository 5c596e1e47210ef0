"""Qt widgets: views hold layout only; controllers wire the session engine to them."""
