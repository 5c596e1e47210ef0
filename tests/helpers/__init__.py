"""Fakes and helpers shared by the tests (one of each, so a fake cannot drift from another)."""
