"""Lets ``python -m neuroguide`` behave exactly like the ``neuroguide`` command."""

import sys

from neuroguide.cli.parser import main

sys.exit(main())
