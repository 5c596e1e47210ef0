"""NeuroGuide: a hands-free, spoken home-exercise companion for peripheral neuropathy."""

__version__ = "0.1.0"
APP_ID = "org.neuroguide.NeuroGuide"
