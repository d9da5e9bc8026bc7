"""Where the project's ``shared`` folder (samples, tools) sits relative to this checkout."""

from __future__ import annotations

from pathlib import Path


def shared_sample(name: str) -> Path:
    """A file of ``shared/samples``, which sits beside the checkout (CI) or beside the folder that holds it
    (a worktree such as ``wt/NAME``): the nearest one up the tree, so a test of the sample is not skipped
    only because the checkout sits one level deeper (a regression once landed that way)."""
    here = Path(__file__).resolve()
    for parent in here.parents[1:]:
        if (parent / "shared" / "samples").is_dir():
            return parent / "shared" / "samples" / name
    return here.parents[1].parent / "shared" / "samples" / name
