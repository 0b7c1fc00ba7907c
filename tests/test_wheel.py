"""The wheel carries the tables: build it, install it into a fresh virtual
environment elsewhere, and run a lookup from there."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_resolves(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    (wheel,) = dist.glob("borderlex-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "borderlex/py.typed" in names
    assert {"borderlex/data/aliases/orgs.toml", "borderlex/data/aliases/places.toml"} <= set(names)
    assert {"borderlex/data/vocabulary.toml", "borderlex/data/calibration.json", "borderlex/data/common-words.tsv"} <= set(names)
    assert "borderlex/data/redirects.toml" in names

    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env)
    python = env / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True, timeout=600)
    # Run from an empty directory, so nothing can come from the repository.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Nor from the environment: a PYTHONPATH pointing at the checkout, a vocabulary copy.
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BORDERLEX_VOCABULARY")}
    # "Homs province" needs the vocabulary (a designator) as well as the tables.
    code = (
        "import borderlex; print(borderlex.resolve('Albu Kamal').id); print(borderlex.resolve('Homs province').id); "
        "print(borderlex.get('place:sinjar-448149').id); print(borderlex.__file__)"
    )
    out = subprocess.run(
        [str(python), "-c", code], cwd=elsewhere, env=clean, check=True, capture_output=True, text=True, timeout=120
    )
    resolved, designated, redirected, location = out.stdout.split()
    assert resolved == "place:al-bukamal"
    assert redirected == "place:sinjar"  # a renamed id, through the wheel's data/redirects.toml
    assert designated == "place:homs-governorate"
    assert str(env) in location
    cli = subprocess.run(
        [str(env / "bin" / "borderlex"), "lookup", "Daesh"],
        cwd=elsewhere, env=clean, capture_output=True, text=True, timeout=120, check=False,
    )
    assert cli.returncode == 0 and "org:islamic-state" in cli.stdout


@pytest.mark.slow
def test_sdist_carries_the_data(tmp_path: Path) -> None:
    # src/borderlex/data is a link the sdist leaves out; pyproject's force-include copies the data in.
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    (sdist,) = tmp_path.glob("borderlex-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    wanted = ["aliases/orgs.toml", "calibration.json", "vocabulary.toml", "common-words.tsv", "redirects.toml"]
    assert {f"src/borderlex/data/{name}" for name in wanted} <= names
