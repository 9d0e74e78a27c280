"""PHI detection: Presidio plus ClearPost's recognizers, in Safe Harbor terms."""
