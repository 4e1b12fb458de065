"""Copies the top-level content/ and assets/ into the built package as kiosk/_shipped/.

Everything else about the build lives in pyproject.toml. An editable install reads the two
folders straight from the checkout instead (see kiosk/core/paths.py).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("content", "assets")


class BuildWithShippedData(build_py):
    """build_py that also bundles the clinic-editable folders."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        here = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "kiosk" / "_shipped"
        for name in SHIPPED:
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(here / name, target / name)


setup(cmdclass={"build_py": BuildWithShippedData})
