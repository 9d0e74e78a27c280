"""One module per `clearpost` sub-command; each has ``register(subparsers)``."""
