"""The spaCy component "borderlex" (borderlex.spacy_component).

Expected ids are read from the alias tables (data/aliases/*.toml,
tests/data/example_table.toml), not from borderlex's output:

* "ISIS" (acronym), "Daesh", "داعش", "État islamique" → org:islamic-state (orgs.toml)
* "SDF", "FDS" (acronyms), "قسد" → org:syrian-democratic-forces (orgs.toml)
* "Albu Kamal", "Abou Kamal", "البوكمال" → place:al-bukamal (places.toml)
* "Deir ez-Zor", "دير الزور" → place:deir-ez-zor (places.toml)
* "Qaim border crossing" → facility:al-qaim-border-crossing (facilities.toml)
* "Syrian Interim Government": org:syrian-interim-government (2013-03-18 – 2025-01-30,
  priority 1) and org:syrian-caretaker-government (2024-12-08 – 2025-03-29) (orgs.toml)
* "Marashda" → place:marashidah (tests/data/example_table.toml)
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from spacy.tokens import Doc, DocBin, Span
from strategies import hostile_text

import borderlex
from borderlex import spacy_component
from borderlex.spacy_component import BorderlexComponent, SpacyConfigError, register_extensions

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "example_table.toml"

EN = "ISIS fled Albu Kamal towards the Qaim border crossing, the SDF said."
EN_ENTS = [
    ("ISIS", "org", "org:islamic-state"),
    ("Albu Kamal", "place", "place:al-bukamal"),
    ("Qaim border crossing", "facility", "facility:al-qaim-border-crossing"),
    ("SDF", "org", "org:syrian-democratic-forces"),
]
AR = "هاجم داعش قوات قسد في البوكمال ودير الزور"
AR_ENTS = [
    ("داعش", "org", "org:islamic-state"),
    ("قسد", "org", "org:syrian-democratic-forces"),
    ("البوكمال", "place", "place:al-bukamal"),
    # the conjunction و is glued to دير: the span takes the whole token (alignment "expand")
    ("ودير الزور", "place", "place:deir-ez-zor"),
]
FR = "L'État islamique a fui Abou Kamal vers Deir ez-Zor, selon les FDS."
FR_ENTS = [
    ("État islamique", "org", "org:islamic-state"),
    ("Abou Kamal", "place", "place:al-bukamal"),
    ("Deir ez-Zor", "place", "place:deir-ez-zor"),
    ("FDS", "org", "org:syrian-democratic-forces"),
]


def blank(lang: str = "en", **config: object) -> spacy.language.Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("borderlex", config=config)
    return nlp


def ents(doc: Doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


@pytest.mark.parametrize(("lang", "text", "expected"), [("en", EN, EN_ENTS), ("ar", AR, AR_ENTS), ("fr", FR, FR_ENTS)])
def test_blank_pipelines_get_entities_with_ids(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    doc = blank(lang)(text)
    assert ents(doc) == expected
    for ent in doc.ents:
        mention = ent._.borderlex
        assert mention.id == ent.kb_id_
        # the exact offsets: the mention's own text, even where the span took a whole token
        assert text[mention.start : mention.end] == mention.text
        assert ent.start_char <= mention.start < mention.end <= ent.end_char
        assert ent._.borderlex_confidence == mention.match.confidence
        assert 0.0 < ent._.borderlex_confidence <= 1.0
    assert doc._.borderlex_unplaced == []
    assert [m.id for m in doc._.borderlex] == [kb for _, _, kb in expected]


def test_arabic_proclitic_under_each_alignment() -> None:
    text = "قصف والبوكمال ودير الزور"  # و glued to البوكمال (one token) and to دير (two tokens)
    bukamal = (text.index("البوكمال"), text.index("البوكمال") + len("البوكمال"))
    deir = (text.index("دير الزور"), len(text))
    assert [t.text for t in spacy.blank("ar")(text)] == ["قصف", "والبوكمال", "ودير", "الزور"]

    expand = blank("ar")(text)
    assert ents(expand) == [("والبوكمال", "place", "place:al-bukamal"), ("ودير الزور", "place", "place:deir-ez-zor")]
    assert [(m.start, m.end) for m in (e._.borderlex for e in expand.ents)] == [bukamal, deir]

    # contract: only tokens wholly inside the mention; البوكمال has none
    contract = blank("ar", alignment="contract")(text)
    assert ents(contract) == [("الزور", "place", "place:deir-ez-zor")]
    assert [m.id for m in contract._.borderlex_unplaced] == ["place:al-bukamal"]
    assert contract.ents[0]._.borderlex.text == "دير الزور"

    # strict: a mention that cuts a token is not placed, and is kept on the doc
    strict = blank("ar", alignment="strict")(text)
    assert strict.ents == ()
    assert [(m.start, m.end, m.id) for m in strict._.borderlex_unplaced] == [
        (*bukamal, "place:al-bukamal"),
        (*deir, "place:deir-ez-zor"),
    ]
    assert strict._.borderlex == strict._.borderlex_unplaced


def test_strict_keeps_mentions_on_token_boundaries() -> None:
    assert ents(blank(alignment="strict")(EN)) == EN_ENTS


def test_kinds() -> None:
    doc = blank(kinds=["place", "facility"])(EN)
    assert ents(doc) == [EN_ENTS[1], EN_ENTS[2]]
    assert [m.id for m in doc._.borderlex] == ["place:al-bukamal", "facility:al-qaim-border-crossing"]


def test_as_of() -> None:
    text = "The Syrian Interim Government met on Monday."
    assert [e.kb_id_ for e in blank()(text).ents] == ["org:syrian-interim-government"]
    assert [e.kb_id_ for e in blank(as_of="2025-02")(text).ents] == ["org:syrian-caretaker-government"]


def test_user_table() -> None:
    text = "SDF fighters entered Marashda near Al-Bukamal."
    assert [e.kb_id_ for e in blank()(text).ents] == ["org:syrian-democratic-forces", "place:al-bukamal"]
    doc = blank(tables=[str(TABLE)])(text)
    assert ents(doc) == [
        ("SDF", "org", "org:syrian-democratic-forces"),
        ("Marashda", "place", "place:marashidah"),
        ("Al-Bukamal", "place", "place:al-bukamal"),
    ]
    assert doc.ents[1]._.borderlex.entity.name == "Al-Marashidah"


def test_a_pipe_added_after_a_table_is_edited_sees_the_edit(tmp_path: Path) -> None:
    table = tmp_path / "mine.toml"
    entry = '[[entity]]\nid = "place:marashidah"\nkind = "place"\nname = "Al-Marashidah"\nsources = ["test"]\n'
    table.write_text(entry, encoding="utf-8")
    before = blank(tables=[str(table)])
    table.write_text(entry + 'aliases = ["Marashda"]\n', encoding="utf-8")
    after = blank(tables=[str(table)])
    assert [e.kb_id_ for e in after("Marashda").ents] == ["place:marashidah"]
    assert before("Marashda").ents == ()


def test_relative_table_path_is_read_from_the_working_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    nlp = blank(tables=["tests/data/example_table.toml"])
    monkeypatch.chdir(ROOT / "docs")  # the docs' getters still find the table
    doc = nlp("Marashda")
    assert doc.ents[0]._.borderlex.id == "place:marashidah"
    assert nlp.get_pipe_config("borderlex")["tables"] == ["tests/data/example_table.toml"]


def test_spans_mode_leaves_ents_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Albu Kamal"}])
    nlp.add_pipe("borderlex", config={"spans_key": "borderlex"})
    doc = nlp(EN)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("Albu Kamal", "GPE", "")]
    spans = doc.spans["borderlex"]
    assert [(s.text, s.label_, s.kb_id_) for s in spans] == EN_ENTS
    assert [s._.borderlex.id for s in spans] == [kb for _, _, kb in EN_ENTS]
    assert doc._.borderlex_unplaced == []


def test_spans_mode_appends_to_an_existing_group() -> None:
    nlp = blank(spans_key="sc")
    doc = nlp.make_doc(EN)
    doc.spans["sc"] = [Span(doc, 1, 2, label="VERB")]
    doc = nlp.get_pipe("borderlex")(doc)
    assert [s.label_ for s in doc.spans["sc"]] == ["VERB", "org", "place", "facility", "org"]
    assert doc.spans["sc"][0]._.borderlex is None


def _with_ruler(patterns: list[dict[str, str]], **config: object) -> spacy.language.Language:
    """An entity ruler before borderlex stands in for a trained NER (the trained
    pipelines are not on PyPI, so the tests cannot install one)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    nlp.add_pipe("borderlex", config=config)
    return nlp


def test_existing_entities_win_by_default() -> None:
    nlp = _with_ruler([{"label": "GPE", "pattern": "Albu Kamal towards"}, {"label": "NORP", "pattern": "SDF said"}])
    doc = nlp(EN)
    assert ents(doc) == [
        ("ISIS", "org", "org:islamic-state"),
        ("Albu Kamal towards", "GPE", ""),
        ("Qaim border crossing", "facility", "facility:al-qaim-border-crossing"),
        ("SDF said", "NORP", ""),
    ]
    assert [m.id for m in doc._.borderlex_unplaced] == ["place:al-bukamal", "org:syrian-democratic-forces"]
    assert len(doc._.borderlex) == 4
    assert doc.ents[1]._.borderlex is None


def test_an_existing_entity_on_the_same_tokens_gets_the_id_and_keeps_its_label() -> None:
    nlp = _with_ruler([{"label": "GPE", "pattern": "Albu Kamal"}, {"label": "ORG", "pattern": "ISIS"}])
    doc = nlp(EN)
    assert ents(doc) == [
        ("ISIS", "ORG", "org:islamic-state"),
        ("Albu Kamal", "GPE", "place:al-bukamal"),
        EN_ENTS[2],
        EN_ENTS[3],
    ]
    assert doc._.borderlex_unplaced == []
    assert doc.ents[1]._.borderlex.id == "place:al-bukamal"
    assert doc.ents[1]._.borderlex_confidence == doc.ents[1]._.borderlex.match.confidence


def test_an_existing_entity_with_an_id_keeps_it() -> None:
    nlp = blank()
    doc = nlp.make_doc(EN)
    doc.ents = [Span(doc, 2, 4, label="GPE", kb_id="Q1")]  # "Albu Kamal", linked by someone else
    doc = nlp.get_pipe("borderlex")(doc)
    assert ents(doc) == [EN_ENTS[0], ("Albu Kamal", "GPE", "Q1"), EN_ENTS[2], EN_ENTS[3]]
    assert [m.id for m in doc._.borderlex_unplaced] == ["place:al-bukamal"]
    assert doc.ents[1]._.borderlex is None


def test_overwrite_ents_lets_borderlex_win() -> None:
    nlp = _with_ruler(
        [{"label": "GPE", "pattern": "Albu Kamal towards"}, {"label": "NORP", "pattern": "said"}],
        overwrite_ents=True,
    )
    doc = nlp(EN)
    # the ruler's "Albu Kamal towards" is gone; its left-over token is outside any entity
    assert ents(doc) == [*EN_ENTS, ("said", "NORP", "")]
    towards = next(t for t in doc if t.text == "towards")
    assert (towards.ent_iob_, towards.ent_type_) == ("O", "")
    assert doc._.borderlex_unplaced == []


def test_tokens_outside_any_entity_are_left_as_they_were() -> None:
    doc = blank()(EN)
    fled = doc[1]
    assert fled.text == "fled" and fled.ent_iob_ == ""  # still "missing", as on a blank pipeline


def test_two_mentions_in_one_token() -> None:
    # An Arabic comma with no space after it: spaCy keeps "داعش،قسد" as one token.
    text = "داعش،قسد"
    assert len(spacy.blank("ar")(text)) == 1
    doc = blank("ar")(text)
    # as entities, the first mention takes the token and the second is kept on the doc
    assert ents(doc) == [("داعش،قسد", "org", "org:islamic-state")]
    assert [(m.text, m.id) for m in doc._.borderlex_unplaced] == [("قسد", "org:syrian-democratic-forces")]
    # a span group allows overlaps: both are placed, on the same token
    grouped = blank("ar", spans_key="bl")(text)
    assert [(s.text, s.kb_id_) for s in grouped.spans["bl"]] == [
        ("داعش،قسد", "org:islamic-state"),
        ("داعش،قسد", "org:syrian-democratic-forces"),
    ]
    assert [s._.borderlex.text for s in grouped.spans["bl"]] == ["داعش", "قسد"]
    assert grouped._.borderlex_unplaced == []


def test_pipe_over_many_docs() -> None:
    nlp = blank()
    texts = [EN, "Daesh left Deir ez-Zor.", "", "Nothing here.", "The SDF and the PMF met."] * 40
    docs = list(nlp.pipe(texts, batch_size=16))
    resolver = borderlex.Resolver.default()
    assert len(docs) == len(texts)
    for text, doc in zip(texts, docs, strict=True):
        assert doc.text == text
        assert doc._.borderlex == resolver.scan(text)
        assert [e.kb_id_ for e in doc.ents] == [m.id for m in resolver.scan(text)]
    assert ents(docs[0]) == EN_ENTS
    assert ents(docs[1]) == [("Daesh", "org", "org:islamic-state"), ("Deir ez-Zor", "place", "place:deir-ez-zor")]


def test_pipe_in_two_processes_carries_the_extensions() -> None:
    # Worker processes send docs back as bytes (msgpack): the extension values must survive that.
    nlp = blank(tables=[str(TABLE)])
    texts = [EN, "Marashda and Albu Kamal."] * 4
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert ents(docs[0]) == EN_ENTS
    assert [(e.text, e._.borderlex.id) for e in docs[1].ents] == [
        ("Marashda", "place:marashidah"),
        ("Albu Kamal", "place:al-bukamal"),
    ]
    assert docs[1].ents[0]._.borderlex_confidence is not None


def test_docbin_round_trip_keeps_the_mentions() -> None:
    nlp = blank()
    docs = [nlp(EN), nlp(AR)]
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    for before, after in zip(docs, back, strict=True):
        assert after._.borderlex == before._.borderlex
        assert [e._.borderlex for e in after.ents] == [e._.borderlex for e in before.ents]


def test_to_disk_and_load_round_trip_the_config(tmp_path: Path) -> None:
    config = {
        "kinds": ["place", "org"],
        "as_of": "2025-02",
        "tables": [str(TABLE)],
        "fuzzy": True,
        "spans_key": "bl",
        "overwrite_ents": True,
        "alignment": "contract",
    }
    nlp = blank("ar", **config)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["borderlex"]
    assert {k: v for k, v in loaded.get_pipe_config("borderlex").items() if k != "factory"} == config
    text = "قصف داعش والمراشدة ودير الزور"
    before, after = nlp(text), loaded(text)
    assert [(s.text, s.kb_id_) for s in after.spans["bl"]] == [(s.text, s.kb_id_) for s in before.spans["bl"]]
    # "contract": المراشدة (example table) is cut from its و and is not placed
    assert [(s.text, s.kb_id_) for s in after.spans["bl"]] == [
        ("داعش", "org:islamic-state"),
        ("الزور", "place:deir-ez-zor"),
    ]
    assert [m.id for m in after._.borderlex_unplaced] == ["place:marashidah"]


def test_default_config_round_trips(tmp_path: Path) -> None:
    nlp = blank()
    nlp.to_disk(tmp_path)
    assert spacy.load(tmp_path).get_pipe_config("borderlex") == {
        "factory": "borderlex",
        "kinds": None,
        "as_of": None,
        "tables": [],
        "fuzzy": False,
        "spans_key": None,
        "overwrite_ents": False,
        "alignment": "expand",
    }


_HOSTILE = {mode: blank("xx", alignment=mode) for mode in ("expand", "contract", "strict")}


@pytest.mark.parametrize("alignment", ["expand", "contract", "strict"])
@given(text=hostile_text.filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t)))
def test_hostile_text_never_crashes(alignment: str, text: str) -> None:
    # Lone surrogates are filtered out: spaCy's own tokenizer cannot hash them.
    doc = _HOSTILE[alignment](text)
    assert doc.text == text
    found = doc._.borderlex
    assert found == borderlex.Resolver.default().scan(text)
    placed = [e._.borderlex for e in doc.ents]
    assert sorted(placed + doc._.borderlex_unplaced, key=lambda m: m.start) == found
    for ent in doc.ents:
        mention = ent._.borderlex
        assert (ent.kb_id_, ent.label_) == (mention.id, mention.entity.kind)
        if alignment == "expand":
            assert ent.start_char <= mention.start and mention.end <= ent.end_char
        else:
            assert mention.start <= ent.start_char and ent.end_char <= mention.end
        if alignment == "strict":
            assert (ent.start_char, ent.end_char) == (mention.start, mention.end)


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
@pytest.mark.parametrize(
    "text", ["", " ", "\x00", "\u200f\u200d", "داعشISIS", "ISIS\u0301\u0301 Albu\u00a0Kamal", "\n\nDaesh\n\n", "ـــ"]
)
def test_awkward_texts(lang: str, text: str) -> None:
    doc = blank(lang)(text)
    assert len(doc._.borderlex) == len(doc.ents) + len(doc._.borderlex_unplaced)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"alignment": "wide"}, "alignment must be one of expand, contract, strict"),
        ({"spans_key": ""}, "spans_key must be a non-empty string"),
        ({"tables": str(TABLE)}, "tables must be a list of paths"),
    ],
)
def test_bad_settings_are_config_errors(config: dict[str, object], message: str) -> None:
    with pytest.raises(SpacyConfigError, match=message) as caught:
        BorderlexComponent(**config)  # type: ignore[arg-type]
    assert isinstance(caught.value, borderlex.BorderlexError) and isinstance(caught.value, ValueError)


def test_bad_kinds_date_and_table_fail_when_the_pipe_is_added(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown kind 'town'"):
        blank(kinds=["town"])
    with pytest.raises(ValueError, match="as_of must be a date"):
        blank(as_of="June 2014")
    with pytest.raises(borderlex.TableError, match="no such file"):
        blank(tables=[str(tmp_path / "missing.toml")])


def test_extensions_register_once_and_refuse_a_foreign_owner() -> None:
    register_extensions()
    register_extensions()
    assert Doc.get_extension("borderlex")[2] is spacy_component.doc_mentions
    Span.remove_extension("borderlex_confidence")
    Span.set_extension("borderlex_confidence", default=None)
    try:
        with pytest.raises(SpacyConfigError, match=r"Span\._\.borderlex_confidence is already registered"):
            register_extensions()
    finally:
        Span.remove_extension("borderlex_confidence")
        register_extensions()
    assert blank()(EN).ents[0]._.borderlex_confidence is not None


def test_a_span_borderlex_did_not_place_has_no_mention() -> None:
    doc = blank()(EN)
    assert doc[1:2]._.borderlex is None and doc[1:2]._.borderlex_confidence is None
    assert spacy.blank("en")(EN)._.borderlex == []  # a doc the component never saw


def test_the_entry_point_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    target = project["entry-points"]["spacy_factories"]["borderlex"]
    module, _, attr = target.partition(":")
    assert getattr(sys.modules[module], attr) is spacy_component.make_borderlex
    assert "spacy" in project["optional-dependencies"]


def test_an_installed_borderlex_is_found_by_spacy_without_an_import() -> None:
    eps = importlib.metadata.distribution("borderlex").entry_points
    if not any(ep.group == "spacy_factories" for ep in eps):
        pytest.skip("the installed borderlex metadata predates the spacy_factories entry point: pip install -e . again")
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('borderlex')\n"
        "print([e.kb_id_ for e in nlp('ISIS fled Albu Kamal.').ents])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert out.stdout.strip() == "['org:islamic-state', 'place:al-bukamal']"


def test_importing_borderlex_does_not_import_spacy() -> None:
    code = "import sys, borderlex; borderlex.resolve('Albu Kamal'); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert out.stdout.strip() == "False"
