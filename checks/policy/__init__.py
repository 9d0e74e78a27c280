"""HIPAA social-media policy rules: one rule per module, run by PolicyCheck."""
