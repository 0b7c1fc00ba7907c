"""literal_hits.finditer finds what re's finditer finds, for the patterns
the text-wide passes use (a surname after a proclitic, the article's alif
dropped after ل; a short form; a defined acronym)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from borderlex.literal_hits import finditer

# Few letters, so that names, proclitics and boundaries meet often.
texts = st.text(alphabet="abAB لاوبفكسد-‐'\n", max_size=60)
forms = st.text(alphabet="abAB لاسد", min_size=1, max_size=4).filter(lambda f: f.strip() == f and f != "ال")


def _arabic_pattern(form: str) -> tuple[re.Pattern[str], str, int]:
    written = re.escape(form)
    literal, reach = form, 2
    if form.startswith("ال"):
        written += "|" + re.escape("ل" + form[2:]) + "(?<=لل" + re.escape(form[2:]) + ")"
        literal, reach = form[2:], 4
    return re.compile(rf"(?<![\w‐-])(?:[وف]?[بلك]|[وف])?({written})(?![\w‐-])"), literal, reach


@given(texts, forms)
def test_same_matches_as_re_after_proclitics(text: str, form: str) -> None:
    pattern, literal, reach = _arabic_pattern(form)
    assert [m.span(1) for m in finditer(pattern.pattern, text, literal, reach)] == [
        m.span(1) for m in pattern.finditer(text)
    ]


@given(texts, forms)
def test_same_matches_as_re_whole_words(text: str, form: str) -> None:
    pattern = re.compile(rf"(?<![\w‐-])({re.escape(form)})(?![\w‐-])")
    assert [m.span() for m in finditer(pattern.pattern, text, form)] == [m.span() for m in pattern.finditer(text)]


def test_a_match_before_the_literal_is_found_once() -> None:
    pattern = re.compile(r"(?<!\w)(?:ل)?(ب)(?!\w)")
    assert [m.span() for m in finditer(pattern.pattern, "لب ب لب", "ب", 1)] == [(0, 2), (3, 4), (5, 7)]
