"""borderlex: canonical IDs for the names in Syria–Iraq conflict reporting."""

from .api import (
    ancestors,
    candidates,
    children,
    current,
    entities,
    explain,
    get,
    lineage,
    resolve,
    resolve_many,
    scan,
    scan_iter,
    within,
)
from .errors import BorderlexError, TableError, TableWarning, UnknownEntityError, UnknownKindError
from .explanation import Explanation
from .folding import normalize
from .frames import resolve_column
from .model import KINDS, Entity, Kind, Match, Mention, Method
from .resolver import Resolver

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "BorderlexError",
    "Entity",
    "Explanation",
    "Kind",
    "Match",
    "Mention",
    "Method",
    "Resolver",
    "TableError",
    "TableWarning",
    "UnknownEntityError",
    "UnknownKindError",
    "__version__",
    "ancestors",
    "candidates",
    "children",
    "current",
    "entities",
    "explain",
    "get",
    "lineage",
    "normalize",
    "resolve",
    "resolve_column",
    "resolve_many",
    "scan",
    "scan_iter",
    "within",
]
