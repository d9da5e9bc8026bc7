"""`python -m tui` runs the same entry point as the `marsad` script."""

from tui.cli import main

raise SystemExit(main())
