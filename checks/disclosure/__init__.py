"""A learned model of whether a sentence tells, confirms or asks about a
specific patient's care: the part of the verdict that wording rules cannot
enumerate. See features.py (what it reads), model.py (how it scores) and
train.py (how the shipped weights were made)."""
