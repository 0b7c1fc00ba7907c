"""A person's surname alone, after the text has named them in full.

Reports name a person in full once ("Ahmed al-Charaa", "Mazloum Abdi") and
by the surname afterwards ("M. Al-Charaa", "Abdi said"); the tables cannot
list every surname as an alias (many are also places: "Sharra" is a village),
so the scanner reads them from the text, as the annotation guide does: a
capitalised surname after the full name, written whole, names that person —
unless two people the text names share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .arabic_names import compound_given_before, is_kunya, person_word_before
from .arabic_script import arabic_spelling, has_arabic_script, words_before
from .folding import normalize
from .literal_hits import finditer
from .model import Mention, Method
from .name_keys import name_key
from .placed_mentions import PlacedMentions
from .vocabulary import vocabulary

__all__ = ["surname_mentions"]

_ARTICLE = re.compile(r"^(?:al|el|Al|El|AL|EL)[-‐]", re.UNICODE)
_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))
# Key-only and weak readings give way to the surname; an alias as written does not,
# but for a one-word place's name.
_YIELDS = (Method.NAME_KEY, Method.FUZZY)


def surname_mentions(
    text: str, mentions: list[Mention], given: frozenset[str] = frozenset(), latin_given: frozenset[str] = frozenset()
) -> list[Mention]:
    """``mentions`` with the surnames of the people named in full, wherever
    they stand alone after the full name (method ``context``): added where
    nothing was found, and in place of a key-only or weak match of
    something else ("Al-Charaa" was the village Sharra).  A surname two
    people of the text share names the one named in full last before it
    ("Nechirvan Barzani … Barzani's office … Masrour Barzani … Barzani
    said"), unless the tables give it bare to one of them ("Assad" is
    Bashar's after "Maher Al-Assad", and before either is named); before
    either is named it names neither otherwise.  ``given``: the given
    names an Arabic family name without the article must not be, as spelled;
    ``latin_given``, the Latin ones, by name key (a bare surname after one of
    them and no name of the person's is a stranger's: see ``_without_strangers``)."""
    owners: dict[str, set[str]] = {}
    fulls: dict[str, list[Mention]] = {}
    said: set[str] = set()  # short Arabic family names that are given names: only after a title or a verb of saying
    for m in mentions:
        if m.entity.kind != "person":
            continue
        # The surname as the mention writes it, when it spells the alias word for word
        # ("Ahmed al-Charaa" for "Ahmed al-Sharaa"); else as the alias has it, if the
        # mention contains it ("Qassem Soleimani Coalition", a run read whole).
        alias = m.match.alias
        same_words = len(m.text.split()) == len(alias.split())
        name = m.text if same_words else alias
        forms = _surnames(name) if _latin(name) else _arabic_surnames(name, given)
        if not forms and not _latin(name) and (short := _short_arabic_surname(name)) is not None:
            forms = [short]
            if arabic_spelling(short) in given or len(arabic_spelling(short)) == 3:
                # A given name too ("جودت"), or three letters ("سلو"); "عبدي" is Mazloum Abdi's wherever it stands.
                said.add(short)
        if not forms or forms[0] not in m.text:
            continue
        for form in forms:
            owners.setdefault(form, set()).add(m.id)
            fulls.setdefault(form, []).append(m)
    if not owners:
        return _without_strangers(text, mentions, given, latin_given)
    out = PlacedMentions(mentions)
    for form, ids in owners.items():
        shared = len(ids) > 1
        for hit in _surname_hits(form, text):
            start, end = hit.span(1)
            before = [f for f in fulls[form] if f.end <= start]
            if not before and not shared:
                continue
            inside = out.overlapping(start, end)
            if any(m.start <= start and end <= m.end and m.end - m.start > end - start for m in inside):
                continue  # inside a longer mention (a full name)
            if _given_name_before(text, hit.start(), given) or _name_word_after(text, end):
                continue  # "his father, Mohammad al-Sadr", "Dr. Muhammad Rasho": another person's full name
            if form in said and not person_word_before(text, hit.start()):
                continue  # "جودت" is also a word; "وأضاف جودت" is the man
            if shared:
                owner = _owner_by_convention(form, fulls[form])
                if not before and owner is not None:
                    continue  # "free of Assad" before Bashar and Hafez are named: the tables' reading stands
                # Another of the namesakes, found by its bare surname: the text decides, not the tables.
                taken = [m for m in inside if m.entity.kind == "person" and m.id in ids]
                inside = [m for m in inside if m not in taken]
                for m in taken:
                    out.remove(m)
                if not before:
                    continue
                if owner is not None:
                    # "Assad" is Bashar's own name in the tables: Maher named last does not take it.
                    before = [owner]
            if any(m.entity.kind == "person" or not _yields(m) for m in inside):
                continue
            if inside and (inside[0].start, inside[0].end) != (start, end):
                continue
            for m in inside:
                out.remove(m)
            person = before[-1]
            match = attrs.evolve(person.match, query=form, score=90.0, method=Method.CONTEXT, weak=False)
            out.append(Mention(start, end, form, person.id, person.entity, match))
    return _after_kunya(text, _without_strangers(text, out.items, given, latin_given))


def _owner_by_convention(form: str, fulls: list[Mention]) -> Mention | None:
    """The one namesake named in the text whose strong aliases hold the bare
    surname as written ("Assad" for Bashar al-Assad, not Maher), or None."""
    owners = {m.id: m for m in fulls if form in m.entity.strong_names}
    return next(iter(owners.values())) if len(owners) == 1 else None


def _without_strangers(
    text: str, mentions: list[Mention], given: frozenset[str], latin_given: frozenset[str]
) -> list[Mention]:
    """``mentions`` without a person's bare one-word name where the text named
    someone else by it before, in full: "فراس علاوي … وأشار علاوي" is Firas
    Allawi, whom the tables lack, not Ayad Allawi (and a place's by its key:
    see ``_one_word_name``).  Not when the given name before it is one of the
    person's own ("Abdul Qader Hasriya" is Abdelkader Husrieh, spelt otherwise)."""
    by_id: dict[str, list[tuple[int, int]]] = {}
    for n in mentions:
        by_id.setdefault(n.id, []).append((n.start, n.end))
    first: dict[tuple[str, str], int] = {}  # by surname and person: where a stranger bears it first
    out: list[Mention] = []
    for m in mentions:
        if _one_word_name(m):
            key = (m.text, m.id)
            if key not in first:
                first[key] = _stranger_at(text, m, by_id[m.id], given, latin_given)
            if first[key] < m.start:
                continue
        out.append(m)
    return out


def _one_word_name(m: Mention) -> bool:
    """Whether ``m`` is one word that may be a stranger's surname: a person's
    (but where the text itself gave it to them), or a place's by its key alone
    ("Obeidi said", after "Hamdan Obeidi", is not the town al-Ubaydi)."""
    if " " in m.text.strip():
        return False
    if m.entity.kind == "person":
        return m.match.method is not Method.CONTEXT
    return m.entity.kind == "place" and m.match.method is Method.NAME_KEY and _latin(m.text)


def _stranger_at(
    text: str, m: Mention, named: list[tuple[int, int]], given: frozenset[str], latin_given: frozenset[str]
) -> int:
    """Where the text first writes ``m``'s one-word name after a given name
    of the tables that is none of the person's, outside the person's own
    mentions (``named``); past the text's end if nowhere."""
    own = {_word_form(w) for name in (*m.entity.strong_names, *m.entity.weak) for w in name.split()}
    for hit in _surname_hits(m.text, text):
        at = hit.start(1)
        word = _given_word_before(text, at, given)
        if (
            word is not None
            # A place's name by its key gives way to a name's first word before it ("army
            # officer, Hamdan Obeidi said"); a person's, to a given name of the tables.
            and (
                has_arabic_script(word)
                or (m.entity.kind == "place" and _opens_a_name(text, at, word))
                or name_key(normalize(word)).joined in latin_given
            )
            and not _among(_word_form(word), own)
            and not any(a <= at < b for a, b in named if (a, b) != (m.start, m.end))
        ):
            return at
    return len(text)


def _opens_a_name(text: str, at: int, word: str) -> bool:
    """Whether ``word``, right before ``at``, opens a name of running text:
    no possessive ("Syria’s Qamishli"), and a lowercase word or a comma before
    it, not another capital ("Campaign For Liberating Al-Shadadi")."""
    if word.endswith(("'s", "’s")):
        return False
    start = text.rfind(word, 0, at)
    before = text[max(0, start - 40) : start].rstrip(" \u00a0")
    # _CAPITALISED_BEFORE found the word after a lowercase letter, "," or ";", so also after a
    # capitalised word ("For Liberating"): the word before must itself be lowercase.
    words = before.split()
    return before.endswith((",", ";")) or (bool(words) and words[-1][:1].islower())


def _among(form: str, own: set[str]) -> bool:
    """Whether a given name's form is one of a person's name words, or part of
    one ("Qader" of "Abdelkader")."""
    return form in own or (len(form) >= 4 and any(form in word for word in own))


def _word_form(word: str) -> str:
    """A word of a name as compared: Arabic as spelled, Latin by its key."""
    return arabic_spelling(word) if has_arabic_script(word) else name_key(normalize(word)).joined


def _surname_hits(form: str, text: str) -> Iterator[re.Match[str]]:
    """The surname written whole (group 1); an Arabic one also after a
    proclitic ("لسليماني", "بسليماني"), and after ل with the article's alif
    dropped ("للأسد": the mention is "لأسد", as for any name)."""
    written = re.escape(form)
    if not has_arabic_script(form):
        return finditer(rf"(?<![\w‐-])({written})(?![\w‐-])", text, form)
    literal, reach = form, 2  # a proclitic of two letters at most
    if form.startswith("ال") and len(form) > 2:
        written += "|" + re.escape("ل" + form[2:]) + "(?<=لل" + re.escape(form[2:]) + ")"
        literal, reach = form[2:], 4
    return finditer(rf"(?<![\w‐-])(?:[وف]?[بلك]|[وف])?({written})(?![\w‐-])", text, literal, reach)


def _after_kunya(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a person's kunya and the family name right after it
    made one mention: "أبو خولة الخبيل" is one name of Ahmad al-Khubayl."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.id == m.id
            and m.entity.kind == "person"
            and text[prev.end : m.start] == " "
            and is_kunya(prev.text.split(" ", 1)[0])
            and " " not in m.text
        ):
            whole = text[prev.start : m.end]
            out[-1] = attrs.evolve(prev, end=m.end, text=whole, match=attrs.evolve(prev.match, query=whole))
            continue
        out.append(m)
    return out


# A capitalised word right before a Latin surname, after a word of the sentence.
_CAPITALISED_BEFORE = re.compile(r"(?<=[a-z,;] )([A-Z][\w'’-]*)[ \u00a0]+\Z")


def _given_name_before(text: str, start: int, given: frozenset[str]) -> bool:
    """Whether a capitalised word inside a sentence (not a title, an office,
    a nationality or a day) stands right before the surname at ``start``, or
    in Arabic a word of ``given`` (given names, as spelled): the surname ends
    another person's name ("Mohammad al-Sadr", the father of Muqtada al-Sadr;
    "Fawaz al-Assad"; "عايد تركي الخبيل", a cousin of Ahmad al-Khubayl)."""
    return _given_word_before(text, start, given) is not None or compound_given_before(text, start)


def _given_word_before(text: str, start: int, given: frozenset[str]) -> str | None:
    """The word :func:`_given_name_before` finds, if any."""
    before = words_before(text, start, 2)
    if before:
        word = before[0][1]
        if len(before) == 2 and is_kunya(before[1][1]):
            return None  # "أبو خولة الخبيل": a kunya's given name, then the family name of the same man
        if arabic_spelling(word) in given:
            return word
        # After "و" (*and*): "لماهر الأسد وعدنان الأسد" names Adnan al-Assad second.
        return word[1:] if word[:1] in "وف" and arabic_spelling(word[1:]) in given else None
    found = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    if found is None:
        return None
    return found.group(1) if _a_name_word(normalize(found.group(1))) else None


def _a_name_word(word: str) -> bool:
    """Whether a capitalised word beside a surname (normalized) may be a word of
    a name: not a title, an office, a nationality or a day."""
    words = vocabulary()
    return not (word in words.titles or word in words.offices or word in words.demonyms or word in words.time_words)


# A capitalised word right after a Latin surname, on its line.
_CAPITALISED_AFTER = re.compile(r"[ \u00a0]([A-Z][a-z][\w'’-]*)")


def _name_word_after(text: str, end: int) -> bool:
    """Whether a capitalised word (not a title, an office, a nationality, a
    day or a run's break) follows the Latin surname ending at ``end``: the
    surname opens a longer name ("Dr. Muhammad Rasho" after "Sinam Muhammad")."""
    found = _CAPITALISED_AFTER.match(text, end)
    if found is None:
        return False
    word = normalize(found.group(1))
    return _a_name_word(word) and word not in vocabulary().run_breaks


def _yields(m: Mention) -> bool:
    # A one-word place's name as written yields too: after "Muqtada al-Sadr", "Sadr" is he,
    # not Sadr City.
    return m.match.method in _YIELDS or m.match.weak or (m.entity.kind == "place" and " " not in m.text.strip())


def _latin(text: str) -> bool:
    return all(c.isascii() or not c.isalpha() or "\u00c0" <= c <= "\u024f" for c in text)


# French articles that open a surname, capitalised inside a full name ("Jean-Yves Le Drian": "M. Le
# Drian" after it). Not name particles of running text: there a lower-case "le" is the article.
_CAPITAL_PARTICLES = frozenset({"Le", "La"})


def _surnames(name: str) -> list[str]:
    """The surname forms of a full name as written: from its last particle
    ("Abu Qasra", "Abdel Rahman") or its last word ("al-Charaa", "Abdi"),
    and that word without its article ("Charaa")."""
    words = [w for w in name.split() if normalize(w) not in _SUFFIXES]
    if len(words) < 2:
        return []
    particles = vocabulary().name_particles | {"abdel", "abdul", "abd"}
    i = len(words) - 1
    while i > 1 and (normalize(words[i - 1]) in particles or words[i - 1] in _CAPITAL_PARTICLES):
        i -= 1
    surname = " ".join(words[i:])
    if not surname[:1].isupper() and not _ARTICLE.match(surname):
        return []
    forms = [surname]
    bare = _ARTICLE.sub("", surname)
    if bare != surname and len(bare) >= 4:
        forms += [bare, "Al-" + bare, "al-" + bare]
    return [f for f in dict.fromkeys(forms) if len(f) >= 4]


def _arabic_surnames(name: str, given: frozenset[str]) -> list[str]:
    """An Arabic full name's family name, long enough not to be a common
    word: with the article ("الحلبوسي", "الأسد"), or without it when it is
    no given name ("سليماني", "بارزاني"; not "حسن" or "سعيد", also *good*
    and *happy*)."""
    words = name.split()
    if len(words) < 2 or not has_arabic_script(name):
        return []
    last = words[-1]
    if len(words) > 2 and words[-2] in _COMPOUND_FIRST:
        # "رامي عبد الرحمن": the family name is the compound "عبد الرحمن", never "الرحمن".
        return [" ".join(words[-2:])] if words[-2] in ("عبد", "عبدال") else []
    spelled = arabic_spelling(last)
    if len(spelled) < 5:
        return []
    if last.startswith("ال"):
        return [last]
    return [] if spelled in given or words[-2] in _COMPOUND_FIRST else [last]


def _short_arabic_surname(name: str) -> str | None:
    """An Arabic full name's family name of three or four letters without
    the article ("سلو", "جودت", "عبدي"); when it is three letters or also a
    given name ("جودت", also a word), it counts only after a title or a verb
    of saying (``borderlex.arabic_names.person_word_before``)."""
    words = name.split()
    if len(words) < 2 or not has_arabic_script(name) or words[-2] in _COMPOUND_FIRST:
        return None
    last = words[-1]
    spelled = arabic_spelling(last)
    if last.startswith("ال") or len(spelled) not in (3, 4):
        return None
    return last  # a given name too ("جودت"): the title or the verb says it is his


# The first halves of compound names ("عبد الرحمن", "أبو بكر", "بن لادن"):
# their second word is no name alone.
_COMPOUND_FIRST = frozenset(("عبد", "عبدال", "أبو", "ابو", "أم", "بن", "ابن"))
