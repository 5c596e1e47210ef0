"""Spoken cues: the Speaker interface, the pyttsx3 worker process, and test speakers."""
