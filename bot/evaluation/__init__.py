"""Tools for measuring verdicts on labelled drafts: the harness that checks
them as `clearpost check` would (harness.py) and the meaning-preserving and
meaning-changing rewordings of the invariance benchmark (variants.py)."""
