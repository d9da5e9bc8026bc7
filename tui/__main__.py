"""`python -m tui` runs the same entry point as the `marsad` script."""

from tui.cli import main

if __name__ == "__main__":  # not when a spawned process (the import's parser) imports this module
    raise SystemExit(main())
