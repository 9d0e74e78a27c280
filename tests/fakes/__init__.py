"""In-tree fakes of external services, run over real HTTP on 127.0.0.1."""
