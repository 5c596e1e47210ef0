"""The voice-first terminal mode: ``neuroguide play ROUTINE``."""
