"""Open-world accuracy: borderlex on real articles nobody tuned it for.

    python bench/accuracy.py                 # dev and test parts, per language
    python bench/accuracy.py --split test    # one part
    python bench/accuracy.py --fails         # and every error, for tuning (dev!)
    python bench/accuracy.py --record        # write the test figures the CI ratchet holds

The corpus is ``tests/corpus/`` (see its GUIDE.md): excerpts of real articles
in English, Arabic and French, annotated blind for every named organisation,
person, place and facility, with the bundled id or null.  Mentions marked
``unsure`` count neither way: a prediction overlapping one is not scored.

Figures, per language and overall:

- precision: predicted mentions whose exact span and id are a gold mention;
- recall: gold mentions of bundled entities found with exact span and id;
- coverage: the share of gold mentions whose entity is bundled (by kind);
- resolve: ``resolve()`` of each distinct surface gives its gold id
  (surfaces the gold links to several ids, by context, are left out);
- unknown linked: the share of distinct surfaces of entities the tables lack
  that ``resolve()`` links to something anyway;

and the same for a plain dictionary scan of the same tables (every spelling
as written, longest first, at word boundaries), the baseline.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
RECORD = CORPUS / "figures.json"
LANGS = ("en", "ar", "fr")


class Gold(NamedTuple):
    start: int
    end: int
    text: str
    kind: str
    id: str | None
    unsure: bool


class Doc(NamedTuple):
    name: str
    lang: str
    split: str
    text: str
    body: int  # where the article starts (line 1 is its URL)
    gold: list[Gold]


Span = tuple[int, int, str]  # start, end, id


def load(split: str = "all", root: Path = CORPUS) -> list[Doc]:
    """The corpus documents of one part (``dev``, ``test``) or of both."""
    docs = []
    lines = (root / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        if split != "all" and row["split"] != split:
            continue
        path = root / row["file"]
        text = path.read_text(encoding="utf-8")
        gold = []
        for raw in path.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines():
            g = json.loads(raw)
            gold.append(Gold(g["start"], g["end"], g["text"], g["kind"], g["id"], bool(g.get("unsure"))))
        docs.append(Doc(row["file"], row["lang"], row["split"], text, text.index("\n") + 1, gold))
    return docs


# -- the two systems ----------------------------------------------------------------------


def borderlex_scan(doc: Doc) -> list[Span]:
    import borderlex  # noqa: PLC0415

    return [(m.start + doc.body, m.end + doc.body, m.id) for m in borderlex.scan(doc.text[doc.body :])]


def borderlex_resolve(surface: str) -> str | None:
    import borderlex  # noqa: PLC0415

    match = borderlex.resolve(surface)
    return match.id if match else None


class Dictionary:
    """The baseline: every spelling in the tables as written, matched as a
    whole word (longest first), each naming the first entity that lists it."""

    def __init__(self) -> None:
        import borderlex  # noqa: PLC0415

        self.ids: dict[str, str] = {}
        for e in borderlex.entities():
            for name in (e.name, *e.aliases, *e.weak, *e.acronyms):
                self.ids.setdefault(name, e.id)
        names = sorted(self.ids, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")

    def scan(self, doc: Doc) -> list[Span]:
        return [
            (m.start(), m.end(), self.ids[m.group()]) for m in self.pattern.finditer(doc.text, doc.body)
        ]

    def resolve(self, surface: str) -> str | None:
        return self.ids.get(surface)


# -- scoring --------------------------------------------------------------------------------


class Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.fails: list[str] = []

    def ratio(self, num: str, den: str) -> float | None:
        return self.counts[num] / self.counts[den] if self.counts[den] else None


def on_unsure(doc: Doc, start: int, end: int) -> bool:
    """Whether a predicted span overlaps a gold judgement call (not scored)."""
    return any(g.unsure and g.start < end and start < g.end for g in doc.gold)


def surfaces(docs: list[Doc]) -> dict[str, set[str | None]]:
    """Each distinct sure gold surface and the ids the gold gives it."""
    ids: dict[str, set[str | None]] = defaultdict(set)
    for doc in docs:
        for g in doc.gold:
            if not g.unsure:
                ids[g.text].add(g.id)
    return ids


def score_doc(doc: Doc, predicted: Iterable[Span], tally: Tally) -> None:
    sure = {(g.start, g.end): g for g in doc.gold if not g.unsure}
    found = set()
    for start, end, eid in predicted:
        if on_unsure(doc, start, end):
            continue  # a judgement call: not scored
        tally.counts["predicted"] += 1
        g = sure.get((start, end))
        if g is not None and g.id == eid:
            tally.counts["correct"] += 1
            found.add((start, end))
            continue
        if g is None:
            why = "not a gold span"
        elif g.id is None:
            why = "gold: not in the tables"
        else:
            why = f"gold: {g.id}"
        tally.fails.append(f"{doc.name}:{start}: wrong {doc.text[start:end]!r} -> {eid} ({why})")
    for (start, end), g in sure.items():
        tally.counts[f"gold {g.kind}"] += 1
        if g.id is None:
            continue
        tally.counts[f"bundled {g.kind}"] += 1
        tally.counts["bundled"] += 1
        if (start, end) in found:
            tally.counts["recalled"] += 1
        else:
            tally.fails.append(f"{doc.name}:{start}: missed {g.text!r} ({g.id})")
    tally.counts["gold"] += len(sure)


def score_surfaces(docs: list[Doc], resolve: Callable[[str], str | None], tally: Tally) -> None:
    for surface, gold_ids in sorted(surfaces(docs).items()):
        if len(gold_ids) > 1:
            continue  # linked by context to several ids: no context-free answer is right
        (gold_id,) = gold_ids
        got = resolve(surface)
        if gold_id is None:
            tally.counts["unknown surfaces"] += 1
            if got is not None:
                tally.counts["unknown linked"] += 1
                tally.fails.append(f"resolve({surface!r}) -> {got} (gold: not in the tables)")
        else:
            tally.counts["surfaces"] += 1
            if got == gold_id:
                tally.counts["surfaces right"] += 1
            else:
                tally.fails.append(f"resolve({surface!r}) -> {got} (gold: {gold_id})")


def figures(tally: Tally) -> dict[str, float | None]:
    out = {
        "precision": tally.ratio("correct", "predicted"),
        "recall": tally.ratio("recalled", "bundled"),
        "coverage": tally.ratio("bundled", "gold"),
        "resolve": tally.ratio("surfaces right", "surfaces"),
        "unknown_linked": tally.ratio("unknown linked", "unknown surfaces"),
    }
    for kind in ("org", "person", "place", "facility"):
        out[f"coverage_{kind}"] = tally.ratio(f"bundled {kind}", f"gold {kind}")
    return out


def evaluate(docs: list[Doc], baseline: bool = False) -> dict[str, tuple[dict[str, float | None], Tally]]:
    """Figures and errors per language and ``all``, for borderlex or the baseline."""
    if baseline:
        dictionary = Dictionary()
        scan, resolve = dictionary.scan, dictionary.resolve
    else:
        scan, resolve = borderlex_scan, borderlex_resolve
    results: dict[str, tuple[dict[str, float | None], Tally]] = {}
    for lang in (*LANGS, "all"):
        part = [d for d in docs if lang in ("all", d.lang)]
        tally = Tally()
        for doc in part:
            score_doc(doc, scan(doc), tally)
        score_surfaces(part, resolve, tally)
        results[lang] = (figures(tally), tally)
    return results


# -- the report --------------------------------------------------------------------------------

COLUMNS = ("precision", "recall", "coverage", "resolve", "unknown_linked")


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(split: str, docs: list[Doc], ours: dict[str, Any], base: dict[str, Any]) -> str:
    rows = [
        f"### {split}: {len(docs)} excerpts, {sum(1 for d in docs for g in d.gold if not g.unsure)} sure mentions",
        "",
        "| | " + " | ".join(COLUMNS) + " |",
        "|---" * (len(COLUMNS) + 1) + "|",
    ]
    for lang in (*LANGS, "all"):
        rows.append(f"| {lang} | " + " | ".join(_cell(ours[lang][0][c]) for c in COLUMNS) + " |")
    rows.append("| dictionary scan (all) | " + " | ".join(_cell(base["all"][0][c]) for c in COLUMNS) + " |")
    cov = ours["all"][0]
    rows.append("")
    rows.append(
        "coverage by kind: "
        + ", ".join(f"{k} {_cell(cov[f'coverage_{k}'])}" for k in ("org", "person", "place", "facility"))
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test", "all"), help="one part only (default: dev and test)")
    parser.add_argument("--fails", action="store_true", help="list every error")
    parser.add_argument("--record", action="store_true", help=f"write the test figures to {RECORD.name}")
    args = parser.parse_args(argv)
    for split in [args.split] if args.split else ["dev", "test"]:
        docs = load(split)
        ours = evaluate(docs)
        base = evaluate(docs, baseline=True)
        print(table(split, docs, ours, base))
        print()
        if args.fails:
            for line in ours["all"][1].fails:
                print("  " + line)
            print()
    if args.record:
        test = evaluate(load("test"))
        record = {lang: {c: test[lang][0][c] for c in COLUMNS} for lang in (*LANGS, "all")}
        RECORD.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded the test figures in {RECORD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
