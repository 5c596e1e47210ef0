"""History: the only place sqlite3 lives (schema, migrations, queries, export)."""
