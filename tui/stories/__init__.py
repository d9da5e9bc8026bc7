"""Stories: articles about one event, across outlets and languages.

Pure logic (never imports Textual). The parts::

    features.py   an article -> StoryDoc (canonical entity ids, rare-word keys, time)
    cluster.py    Clusterer: incremental, deterministic grouping of StoryDocs
    model.py      Story: id, label, span, per-language and per-source counts
    evaluate.py   B-cubed precision/recall and the publication-day baseline
    library.py    stories of a library (store + entity cache), persisted assignments
    brief.py      the Markdown brief of one story (``marsad export --story``)
    watch.py      watchlists of entities, kept with what the analyst writes
"""

from tui.stories.cluster import Clusterer, ClusterParams, cluster
from tui.stories.features import StoryDoc
from tui.stories.model import Story

__all__ = ["ClusterParams", "Clusterer", "Story", "StoryDoc", "cluster"]
