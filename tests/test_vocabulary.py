"""The vocabularies as data (data/vocabulary.toml): the bundled file is well
formed, a copy with one more line steers resolution, a broken copy is one
clear error, and nothing is read at ``import borderlex``."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from borderlex.errors import BorderlexError, TableError
from borderlex.folding import normalize
from borderlex.model import DESIGNATES
from borderlex.vocabulary import ENVIRONMENT_VARIABLE, Vocabulary, load_vocabulary, vocabulary, vocabulary_digest

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "vocabulary.toml"


def test_the_bundled_file_is_the_one_in_use() -> None:
    assert os.environ.get(ENVIRONMENT_VARIABLE) is None
    assert vocabulary()[1:] == load_vocabulary(BUNDLED)[1:]  # all but the source's name
    assert vocabulary().digest == hashlib.sha256(BUNDLED.read_bytes()).hexdigest()


def test_the_digest_of_a_file_not_yet_read_is_the_one_it_will_have(tmp_path: Path) -> None:
    # The compiled index's cache key: a first exact resolve from a warm cache parses no TOML.
    assert vocabulary_digest() == hashlib.sha256(BUNDLED.read_bytes()).hexdigest()
    copy = _copy_with(tmp_path, ("[titles]", 'ku = ["fermandar"]'))
    code = (
        "from borderlex import vocabulary as v; d = v.vocabulary_digest();"
        "print(v._loaded is None, d == v.vocabulary().digest)"
    )
    env = {**os.environ, ENVIRONMENT_VARIABLE: str(copy), "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True"]


def test_latin_words_are_written_normalized() -> None:
    # What the loader demands, checked against normalize() itself.
    words = load_vocabulary(BUNDLED)
    for name, value in words._asdict().items():
        if name in ("source", "digest", "romanized_from"):  # romanized_from holds ISO country codes
            continue
        entries = list(value) + (list(value.values()) if name == "org_words" else [])
        if name in ("arabic_alternations", "arabic_short_heads"):  # pairs of Arabic spellings
            entries = [w for pair in value for w in pair]
        for entry in entries:
            if entry.isascii():
                assert normalize(entry) == entry, (name, entry)


def test_every_designator_class_is_known() -> None:
    assert set(load_vocabulary(BUNDLED).designators.values()) <= set(DESIGNATES)


def test_languages_are_read_together() -> None:
    words = load_vocabulary(BUNDLED)
    # "sheikh" is listed under ar, "colonel" under en, "gouvernorat" under fr.
    assert {"sheikh", "colonel"} <= words.titles
    assert words.designators["gouvernorat"] == "governorate"
    assert words.designators["محافظة"] == "governorate"


def _copy_with(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """The bundled vocabulary with, for each ``(line, new)``, ``new`` added
    after ``line`` (which must be there; "" adds it at the end)."""
    text = BUNDLED.read_text(encoding="utf-8")
    for old, new in edits:
        if not old:
            text += f"\n{new}\n"
            continue
        assert old in text.splitlines(), old
        text = text.replace(old + "\n", f"{old}\n{new}\n", 1)
    path = tmp_path / "vocabulary.toml"
    path.write_text(text, encoding="utf-8")
    return path


_QUERIES = ["poste-frontière d'Al-Qaïm", "Fermandar Mazloum Abdi", "Al-Qaim", "Homs province"]


def _resolved(vocabulary: Path | None, queries: list[str] = _QUERIES) -> dict[str, str | None]:
    """What a fresh process resolves the queries to, with ``vocabulary`` (or the bundled one)."""
    code = "{q: getattr(borderlex.resolve(q), 'id', None) for q in json.loads(sys.argv[1])}"
    found: dict[str, str | None] = _in_fresh_process(vocabulary, code, queries)
    return found


def _in_fresh_process(vocabulary: Path | None, expression: str, argument: object) -> Any:
    """The JSON value of ``expression`` (reading ``json.loads(sys.argv[1])``) in a
    fresh process with ``vocabulary`` (or the bundled one)."""
    env = dict(os.environ)
    env.pop(ENVIRONMENT_VARIABLE, None)
    if vocabulary is not None:
        env[ENVIRONMENT_VARIABLE] = str(vocabulary)
    code = f"import json, sys, borderlex\nprint(json.dumps({expression}))"
    out = subprocess.run(
        [sys.executable, "-c", code, json.dumps(argument)],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.slow
def test_one_line_more_steers_resolution(tmp_path: Path) -> None:
    # French "poste-frontière" (border post) as a designator, and Kurdish
    # "fermandar" (commander) as a title: one line each in a copy of the file.
    path = _copy_with(
        tmp_path, ("[designators.fr]", '"poste frontiere" = "border-crossing"'), ("[titles]", 'ku = ["fermandar"]')
    )
    before, after = _resolved(None), _resolved(path)
    # The bundled vocabulary knows neither word: the query keeps them and matches nothing.
    assert before["poste-frontière d'Al-Qaïm"] is None
    assert before["Fermandar Mazloum Abdi"] is None
    # With them: the designator picks the crossing, not the town it is named after;
    # the title is dropped from the person's name.
    assert after["poste-frontière d'Al-Qaïm"] == "facility:al-qaim-border-crossing"
    assert after["Fermandar Mazloum Abdi"] == "person:mazloum-abdi"
    # The rest reads as before.
    assert before["Al-Qaim"] == after["Al-Qaim"] == "place:al-qaim"
    assert before["Homs province"] == after["Homs province"] == "place:homs-governorate"


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("[titles]", 'ku = ["Général"]', "[titles.ku]: 'Général' is not one word as borderlex.normalize() writes them"),
        ("[titles]", 'ku = ["general", 3]', "[titles.ku]: 3 is not a string"),
        ("[titles]", 'ku = "general"', "[titles.ku]: must be a list of strings"),
        ("[titles]", 'french = ["general"]', "[titles.french]: a language must be a two- or three-letter code"),
        ("[proclitics]", 'fa = ["وا"]', "[proclitics.fa]: 'وا' is not one Arabic letter"),
        ("[leading_descriptors]", 'en = ["group"]', "[leading_descriptors.en]: 'group' is not Arabic script"),
        ("[designators.fr]", '"base-navale" = "base"', "[designators.fr]: 'base-navale' is not words as"),
        ("[designators.fr]", 'bourg = "City"', "[designators.fr]: 'bourg': 'City' is not a lowercase class or word"),
        ("[designators.fr]", 'camp = "city"', "[designators.fr]: 'camp' is 'city' here but 'base' in another language"),
        ("", "[honorifics]\nen = []", "[honorifics]: unknown vocabulary"),
    ],
)
def test_a_broken_copy_is_one_clear_error(tmp_path: Path, old: str, new: str, reason: str) -> None:
    path = _copy_with(tmp_path, (old, new))
    with pytest.raises(TableError) as caught:
        load_vocabulary(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {reason}"), message
    assert "\n" not in message
    assert isinstance(caught.value, BorderlexError) and isinstance(caught.value, ValueError)


def test_a_missing_vocabulary_is_an_error(tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    path = tmp_path / "v.toml"
    path.write_text(text.replace("[time_words]", "[time_word]"), encoding="utf-8")
    with pytest.raises(TableError, match=r"\[time_word\]: unknown vocabulary"):
        load_vocabulary(path)
    path.write_text(text.replace("[time_words]", "[headline_small_words.xx]"), encoding="utf-8")
    with pytest.raises(TableError, match=r"\[time_words\]: missing"):
        load_vocabulary(path)


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="cannot read the vocabulary"):
        load_vocabulary(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[titles\n", encoding="utf-8")
    with pytest.raises(TableError, match="not a TOML vocabulary"):
        load_vocabulary(bad)
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(TableError, match="not a TOML vocabulary"):
        load_vocabulary(bad)


def test_the_file_is_read_on_first_use_not_at_import(tmp_path: Path) -> None:
    # A vocabulary that cannot be read: importing borderlex (and normalizing
    # ASCII text) works; the first lookup says what is wrong, in one line.
    env = {**os.environ, ENVIRONMENT_VARIABLE: str(tmp_path / "absent.toml")}
    code = (
        "import borderlex\n"
        "print(borderlex.normalize('Deir ez-Zor'))\n"
        "try:\n"
        "    borderlex.resolve('Homs')\n"
        "except borderlex.TableError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=False, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "deir ez zor"
    assert lines[1].startswith(f"{tmp_path / 'absent.toml'}: cannot read the vocabulary")
    assert len(lines) == 2


@pytest.mark.slow
def test_a_designator_of_an_unknown_class_fails_at_first_use(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, ("[designators.fr]", 'bourg = "town"'))
    env = {**os.environ, ENVIRONMENT_VARIABLE: str(path)}
    out = subprocess.run(
        [sys.executable, "-m", "borderlex", "lookup", "Homs"],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 1
    assert out.stdout == ""
    assert f"{path}: [designators]: 'bourg': unknown class 'town'" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_a_vocabulary_is_a_value(tmp_path: Path) -> None:
    a, b = load_vocabulary(BUNDLED), load_vocabulary(BUNDLED)
    assert isinstance(a, Vocabulary) and a == b
    # One more line: another digest, for whatever keeps name keys.
    assert load_vocabulary(_copy_with(tmp_path, ("[titles]", 'ku = ["fermandar"]'))).digest != a.digest
    with pytest.raises(TypeError):
        a.designators["ville"] = "city"  # type: ignore[index]


def test_country_codes_are_checked(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, ("[romanized_from]", 'he = ["il"]'))
    with pytest.raises(TableError, match=r"\[romanized_from.he\]: 'il' is not an ISO 3166-1 alpha-2 code"):
        load_vocabulary(path)


@pytest.mark.slow
def test_a_romanized_country_steers_the_folds(tmp_path: Path) -> None:
    # One line more: Gabon's places are romanized from Arabic, so "Kabon" reaches Gabon by the k/g
    # fold; without it the fold reaches only the Damascus district Qaboun (weak, below a country).
    path = _copy_with(tmp_path, ("[romanized_from]", 'xx = ["GA"]'))
    assert _resolved(None, ["Kabon", "Gabon"]) == {"Kabon": "place:qaboun", "Gabon": "place:gabon"}
    assert _resolved(path, ["Kabon", "Gabon"]) == {"Kabon": "place:gabon", "Gabon": "place:gabon"}


@pytest.mark.slow
def test_a_place_head_steers_the_agreement(tmp_path: Path) -> None:
    # "قصبة حديثة": with "قصبة" (a town) as a place head, the town of Haditha;
    # without it, a word ending in ة before حديثة makes it the adjective *modern*.
    path = _copy_with(tmp_path, ("[place_heads]", 'ku = ["قصبة"]'))
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, "دخلوا قصبة حديثة") for v in (None, path)]
    assert found == [[], [["حديثة", "place:haditha"]]]


@pytest.mark.slow
def test_a_head_after_its_subject_steers_names_and_scans(tmp_path: Path) -> None:
    # "council" as a head written after its subject: the "Iraqi Council of Representatives"
    # is then also the "Iraqi Representatives Council", on lookup and in running text.
    path = _copy_with(tmp_path, ("[heads_after_subject]", 'xx = ["council"]'))
    query = "Iraqi Representatives Council"
    assert _resolved(None, [query]) == {query: None}
    assert _resolved(path, [query]) == {query: "org:iraqi-council-of-representatives"}
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, f"the {query} voted") for v in (None, path)]
    assert found == [[], [[query, "org:iraqi-council-of-representatives"]]]
    # The bundled vocabulary has "ministry" and "department".
    assert _resolved(None, ["Iraqi Defense Ministry", "US State Department"]) == {
        "Iraqi Defense Ministry": "org:iraqi-ministry-of-defence",
        "US State Department": "org:us-state-department",
    }


@pytest.mark.slow
def test_a_country_adjective_steers_in_one_line(tmp_path: Path) -> None:
    # A curator adds an adjective of nationality: the name after it is looked
    # for among that country's entities, and found only when it is of it.
    path = _copy_with(tmp_path, ("[country_adjectives.en]", 'yankee = "us"'))
    queries = ["Yankee CENTCOM", "Yankee MIT"]
    assert _resolved(None, queries) == {"Yankee CENTCOM": None, "Yankee MIT": None}
    assert _resolved(path, queries) == {"Yankee CENTCOM": "org:us-centcom", "Yankee MIT": None}


@pytest.mark.slow
def test_a_run_break_steers_name_runs(tmp_path: Path) -> None:
    # A curator adds "amid", capitalised in a headline-like line: the name after it is read
    # alone instead of as part of an unknown longer name.
    path = _copy_with(tmp_path, ("[run_breaks]", 'xx = ["amid"]'))
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, "officials said Amid Kataib Hezbollah threats") for v in (None, path)]
    assert found == [[], [["Kataib Hezbollah", "org:kataib-hezbollah"]]]


@pytest.mark.slow
def test_an_opening_break_steers_name_runs(tmp_path: Path) -> None:
    # A curator adds "greater": the place after it is read alone, as after "Central".
    path = _copy_with(tmp_path, ("[opening_breaks]", 'xx = ["greater"]'))
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, "the siege of Greater Damascus ended") for v in (None, path)]
    assert found == [[], [["Damascus", "place:damascus"]]]


@pytest.mark.slow
def test_a_feature_head_steers_name_runs(tmp_path: Path) -> None:
    # A curator adds "lake": a place after "Lake of" is part of the lake's name.
    bundled = BUNDLED.read_text(encoding="utf-8")
    assert '"strait", "bay"]' in bundled
    path = tmp_path / "vocabulary.toml"
    path.write_text(bundled.replace('"strait", "bay"]', '"strait", "bay", "lake"]', 1), encoding="utf-8")
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, "boats on the Lake of Homs were seen") for v in (None, path)]
    assert found == [[["Homs", "place:homs"]], []]


@pytest.mark.slow
def test_an_attribution_steers_in_one_line(tmp_path: Path) -> None:
    # A curator adds "a expliqué à" (*explained to*): an outlet's weak name after it is the outlet.
    path = _copy_with(tmp_path, ("[attributions]", 'xx = ["a explique a"]'))
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, "Un habitant a expliqué à Sputnik que") for v in (None, path)]
    assert found == [[], [["Sputnik", "org:sputnik"]]]


@pytest.mark.slow
def test_an_edition_word_steers_in_one_line(tmp_path: Path) -> None:
    # A curator adds "deutsch": an outlet's name with it after is the outlet's edition.
    path = _copy_with(tmp_path, ("[edition_words]", 'xx = ["deutsch"]'))
    code = "(lambda m: m and m.id)(borderlex.resolve(json.loads(sys.argv[1])))"
    found = [_in_fresh_process(v, code, "Rudaw Deutsch") for v in (None, path)]
    assert found == [None, "org:rudaw"]


@pytest.mark.slow
def test_a_common_given_name_steers_in_one_line(tmp_path: Path) -> None:
    # A curator adds "souheil": with "hassan", two of the commonest given names, a name key
    # that drops an article no longer makes a person of them.
    path = _copy_with(tmp_path, ("[common_given_names]", 'xx = ["souheil"]'))
    code = "(lambda m: m and m.id)(borderlex.resolve(json.loads(sys.argv[1])))"
    found = [_in_fresh_process(v, code, "Souheil Hassan") for v in (None, path)]
    assert found == ["person:suheil-al-hassan", None]


@pytest.mark.slow
def test_an_arabic_idiom_steers_in_one_line(tmp_path: Path) -> None:
    # A curator adds "القائم على" (*the one in charge of*): al-Qaim's name opening it is no name.
    path = _copy_with(tmp_path, ("[arabic_idioms]", 'xx = ["القائم على"]'))
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, "وقال القائم على المشروع إن العمل بدأ") for v in (None, path)]
    assert found == [[["القائم", "place:al-qaim"]], []]


@pytest.mark.slow
def test_a_purpose_head_steers_in_one_line(tmp_path: Path) -> None:
    # A curator adds "صندوق"'s sibling "مؤسسة" (*foundation*): the United Nations between it and
    # a purpose with ل is part of an agency's name.
    path = _copy_with(tmp_path, ("[purpose_heads]", 'xx = ["مؤسسة"]'))
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, "قالت مؤسسة الأمم المتحدة للتنمية") for v in (None, path)]
    assert found == [[["الأمم المتحدة", "org:united-nations"]], []]


@pytest.mark.slow
def test_a_kunya_word_steers_in_one_line(tmp_path: Path) -> None:
    # A curator adds "أبا" (*Abu* after إن, in the accusative): a person's name after it is
    # another man's kunya.
    path = _copy_with(tmp_path, ("[kunya_words]", 'xx = ["أبا"]'))
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, "إن أبا هادي العامري قال") for v in (None, path)]
    assert found == [[["هادي العامري", "person:hadi-al-amiri"]], []]


@pytest.mark.slow
def test_a_quoted_operation_head_steers_in_one_line(tmp_path: Path) -> None:
    # A curator adds "زئير" (*roar*): a place's name after it, inside quote marks, is an
    # operation's, and no mention.
    path = _copy_with(tmp_path, ("[quoted_operation_heads]", 'xx = ["زئير"]'))
    code = "[[m.text, m.id] for m in borderlex.scan(json.loads(sys.argv[1]))]"
    found = [_in_fresh_process(v, code, "وأطلقت القوات «زئير الفرات» أمس") for v in (None, path)]
    assert found == [[["الفرات", "place:euphrates"]], []]
