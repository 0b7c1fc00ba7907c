"""The ``borderlex`` command line: a thin layer over the library.

``parser`` builds the arguments, ``commands`` runs them, ``columns`` adds id
columns to a CSV or TSV file, ``records`` and ``output`` define and write the
output formats, ``inputs`` reads files and stdin, ``main`` ties them together.
"""

from .main import cli, main

__all__ = ["cli", "main"]
