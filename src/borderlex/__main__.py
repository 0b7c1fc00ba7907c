"""``python -m borderlex``: the command line."""

from .cli import main

main()
