"""A non-editable install carries the shipped content and assets and finds them anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("waiting_room_kiosk-*.whl")
    target = out / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def test_wheel_ships_every_content_and_asset_file(unpacked_wheel: Path) -> None:
    shipped = unpacked_wheel / "kiosk" / "_shipped"
    for folder in ("content", "assets"):
        expected = {p.relative_to(ROOT / folder) for p in (ROOT / folder).rglob("*") if p.is_file()}
        found = {
            p.relative_to(shipped / folder) for p in (shipped / folder).rglob("*") if p.is_file()
        }
        assert expected == found, folder


def test_installed_kiosk_renders_home_from_another_folder(
    unpacked_wheel: Path, tmp_path: Path
) -> None:
    out = tmp_path / "home.png"
    env = {**os.environ, "PYTHONPATH": str(unpacked_wheel), "QT_QPA_PLATFORM": "offscreen"}
    code = (
        "import sys, kiosk; from kiosk.cli import main; "
        "assert kiosk.__file__.startswith(sys.argv[1]), kiosk.__file__; "
        "sys.exit(main(['screenshot', 'home', sys.argv[2], '--size', '1080x1920']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(unpacked_wheel), str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000
