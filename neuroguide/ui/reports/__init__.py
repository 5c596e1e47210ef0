"""The printed pages: the clinician report with its sections, the handout, and their A4 writer."""
