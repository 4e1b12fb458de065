"""Which shared libraries the kiosk's Qt binaries need and this machine lacks, and the Debian
package that brings each one.

A Qt plugin that cannot load fails late and vaguely ("could not load the Qt platform plugin"), so
`kiosk doctor` asks the system's loader (`ldd`) about every Qt module and plugin folder the kiosk
can load, in the installed PySide6 wheel, found without importing Qt (which may be what fails).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import subprocess
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

# What a group of binaries is needed for: always, for Read aloud only, or for one display
# platform only ("wayland", "xcb"); OWN_PLATFORM: each platform plugin for its own platform.
ALWAYS = "always"
READ_ALOUD = "read aloud"
OWN_PLATFORM = "its platform"


class Group(NamedTuple):
    """Qt binaries that load together, by path patterns inside the PySide6 folder."""

    name: str
    patterns: tuple[str, ...]
    needed_for: str


PLUGINS = "Qt/plugins"
# deploy/waiting-room-kiosk.service runs the kiosk under cage with QT_QPA_PLATFORM=wayland: the
# platform that counts when this session has no display (doctor run over SSH).
SERVICE_PLATFORM = "wayland"
# The Python modules the kiosk imports (each pulls in its Qt libraries), and the plugin folders
# Qt opens for a Widgets app with speech on Wayland (cage), X11 and offscreen. Never scanned:
# sqldrivers, platformthemes (GTK), designer... which the kiosk never loads.
GROUPS = (
    Group(
        "Qt modules",
        tuple(
            f"{name}.abi3.so" for name in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtSvgWidgets")
        ),
        ALWAYS,
    ),
    Group("Qt speech module", ("QtTextToSpeech.abi3.so",), READ_ALOUD),
    Group(
        "platforms",
        tuple(f"{PLUGINS}/platforms/libq{name}.so" for name in ("wayland", "xcb", "offscreen")),
        OWN_PLATFORM,
    ),
    Group("wayland-shell-integration", (f"{PLUGINS}/wayland-shell-integration/*.so",), "wayland"),
    Group(
        "wayland-graphics-integration-client",
        (f"{PLUGINS}/wayland-graphics-integration-client/*.so",),
        "wayland",
    ),
    Group("wayland-decoration-client", (f"{PLUGINS}/wayland-decoration-client/*.so",), "wayland"),
    Group("xcbglintegrations", (f"{PLUGINS}/xcbglintegrations/*.so",), "xcb"),
    Group("imageformats", (f"{PLUGINS}/imageformats/*.so",), ALWAYS),
    Group("iconengines", (f"{PLUGINS}/iconengines/*.so",), ALWAYS),
    Group("platforminputcontexts", (f"{PLUGINS}/platforminputcontexts/*.so",), ALWAYS),
    Group("tls", (f"{PLUGINS}/tls/*.so",), ALWAYS),
    Group("texttospeech", (f"{PLUGINS}/texttospeech/*.so",), READ_ALOUD),
    Group("multimedia", (f"{PLUGINS}/multimedia/*.so",), READ_ALOUD),
)

# Every library the PySide6 6.11.3 wheels' binaries link from outside the wheels (directly or
# through another system library), and the Debian package that ships it. A machine lacking a
# library cannot ask dpkg who owns it, hence this table. Made on Debian 12 (amd64): `ldd` on every
# ELF file in site-packages/PySide6 and shiboken6, then `dpkg -S` on each library found (see
# .ci/qt-runtime-packages for the same walk over the plugin folders). Remake it after upgrading
# PySide6. Debian 13's renamed "t64" packages provide these names, so `apt install` still works.
SONAME_PACKAGES: dict[str, str | None] = {
    "libEGL.so.1": "libegl1",
    "libFLAC.so.12": "libflac12",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXcomposite.so.1": "libxcomposite1",
    "libXdamage.so.1": "libxdamage1",
    "libXdmcp.so.6": "libxdmcp6",
    "libXext.so.6": "libxext6",
    "libXfixes.so.3": "libxfixes3",
    "libXrandr.so.2": "libxrandr2",
    "libXrender.so.1": "libxrender1",
    "libXtst.so.6": "libxtst6",
    "libasound.so.2": "libasound2",
    "libasyncns.so.0": "libasyncns0",
    "libatk-1.0.so.0": "libatk1.0-0",
    "libavahi-client.so.3": "libavahi-client3",
    "libavahi-common.so.3": "libavahi-common3",
    "libblkid.so.1": "libblkid1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libbz2.so.1": "libbz2-1.0",
    "libc.so.6": "libc6",
    "libcairo-gobject.so.2": "libcairo-gobject2",
    "libcairo.so.2": "libcairo2",
    "libcap.so.2": "libcap2",
    "libcom_err.so.2": "libcom-err2",
    "libcrypto.so.3": "libssl3",
    "libcups.so.2": "libcups2",
    "libdatrie.so.1": "libdatrie1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libdl.so.2": "libc6",
    "libdrm.so.2": "libdrm2",
    "libexpat.so.1": "libexpat1",
    "libffi.so.8": "libffi8",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libfribidi.so.0": "libfribidi0",
    "libgbm.so.1": "libgbm1",
    "libgcc_s.so.1": "libgcc-s1",
    "libgcrypt.so.20": "libgcrypt20",
    "libgdk_pixbuf-2.0.so.0": "libgdk-pixbuf-2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
    "libgmp.so.10": "libgmp10",
    "libgnutls.so.30": "libgnutls30",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgpg-error.so.0": "libgpg-error0",
    "libgraphite2.so.3": "libgraphite2-3",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libharfbuzz.so.0": "libharfbuzz0b",
    "libhogweed.so.6": "libhogweed6",
    "libidn2.so.0": "libidn2-0",
    "libjpeg.so.62": "libjpeg62-turbo",
    "libk5crypto.so.3": "libk5crypto3",
    "libkeyutils.so.1": "libkeyutils1",
    "libkrb5.so.3": "libkrb5-3",
    "libkrb5support.so.0": "libkrb5support0",
    "liblber-2.5.so.0": "libldap-2.5-0",
    "libldap-2.5.so.0": "libldap-2.5-0",
    "liblz4.so.1": "liblz4-1",
    "liblzma.so.5": "liblzma5",
    "libm.so.6": "libc6",
    "libmd.so.0": "libmd0",
    "libmount.so.1": "libmount1",
    "libmp3lame.so.0": "libmp3lame0",
    "libmpg123.so.0": "libmpg123-0",
    "libnettle.so.8": "libnettle8",
    "libnspr4.so": "libnspr4",
    "libnss3.so": "libnss3",
    "libnssutil3.so": "libnss3",
    "libogg.so.0": "libogg0",
    "libopus.so.0": "libopus0",
    "libp11-kit.so.0": "libp11-kit0",
    "libpango-1.0.so.0": "libpango-1.0-0",
    "libpangocairo-1.0.so.0": "libpangocairo-1.0-0",
    "libpangoft2-1.0.so.0": "libpangoft2-1.0-0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libpcsclite.so.1": "libpcsclite1",
    "libpixman-1.so.0": "libpixman-1-0",
    "libplc4.so": "libnspr4",
    "libplds4.so": "libnspr4",
    "libpng16.so.16": "libpng16-16",
    "libpq.so.5": "libpq5",
    "libpthread.so.0": "libc6",
    "libpulse.so.0": "libpulse0",
    "libpulsecommon-16.1.so": "libpulse0",
    "libresolv.so.2": "libc6",
    "libsasl2.so.2": "libsasl2-2",
    "libselinux.so.1": "libselinux1",
    "libsmime3.so": "libnss3",
    "libsndfile.so.1": "libsndfile1",
    "libssl.so.3": "libssl3",
    "libstdc++.so.6": "libstdc++6",
    "libsystemd.so.0": "libsystemd0",
    "libtasn1.so.6": "libtasn1-6",
    "libthai.so.0": "libthai0",
    "libudev.so.1": "libudev1",
    "libunistring.so.2": "libunistring2",
    "libvorbis.so.0": "libvorbis0a",
    "libvorbisenc.so.2": "libvorbisenc2",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libwayland-server.so.0": "libwayland-server0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-dri3.so.0": "libxcb-dri3-0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbfile.so.1": "libxkbfile1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    # Not installed on the machine the table was made on; the package from `dpkg -c` of its .deb.
    "libfbclient.so.2": "libfbclient2",
    "libgdk-3.so.0": "libgtk-3-0",
    "libgtk-3.so.0": "libgtk-3-0",
    "libodbc.so.2": "libodbc2",
    "libspeechd.so.2": "libspeechd2",
    # No Debian package: proprietary database clients (Qt's SQL drivers; the kiosk loads none)
    # and MySQL's own client library (Ubuntu's libmysqlclient21; Debian ships MariaDB's).
    "libclntsh.so.23.1": None,
    "libmimerapi.so": None,
    "libmysqlclient.so.21": None,
}


class ScanError(Exception):
    """The libraries cannot be checked at all (no `ldd`)."""


class Binary(NamedTuple):
    """One Qt module or plugin file and the libraries the loader cannot find for it."""

    path: Path
    missing: tuple[str, ...]  # sonames, e.g. "libxcb-cursor.so.0"


def pyside_folder() -> Path | None:
    """The installed PySide6 package's folder, found without importing it (Qt may not load)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def package_for(soname: str) -> str | None:
    """The Debian package that ships `soname`, if one does."""
    return SONAME_PACKAGES.get(soname)


def files(pyside: Path, group: Group) -> tuple[list[Path], list[str]]:
    """The group's files that exist, and the patterns that match nothing (a broken install)."""
    found: list[Path] = []
    absent: list[str] = []
    for pattern in group.patterns:
        matches = sorted(pyside.glob(pattern))
        found.extend(matches)
        if not matches:
            absent.append(pattern)
    return found, absent


@functools.cache
def scan(pyside: Path) -> dict[Path, Binary]:
    """Every group's binaries with what each lacks. Cached for the process's lifetime: the
    libraries do not change under a running kiosk, and `ldd` on ~40 files takes a while."""
    paths = [path for group in GROUPS for path in files(pyside, group)[0]]
    if not paths:
        return {}
    # One `ldd` per chunk, the chunks side by side: the loader's work dominates, not Python's.
    workers = max(1, min(len(paths), os.cpu_count() or 1, 8))
    chunks = [paths[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_ldd, chunks))
    return {path: binary for result in results for path, binary in result.items()}


@functools.cache
def lookup(path: Path) -> Binary:
    """One binary the groups do not cover (a platform such as eglfs), cached like `scan`."""
    return _ldd([path])[path]


def _ldd(paths: Sequence[Path]) -> dict[Path, Binary]:
    try:
        output = subprocess.run(  # noqa: S603 -- fixed program, our own file names
            ["ldd", *map(str, paths)],  # noqa: S607 -- ldd is wherever the system keeps it
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "LC_ALL": "C"},
        ).stdout
    except FileNotFoundError:
        raise ScanError("cannot check: `ldd` is not installed (package libc-bin)") from None
    missing: dict[Path, list[str]] = {path: [] for path in paths}
    by_name = {str(path): path for path in paths}
    # With one file ldd prints no "file:" header before its lines.
    current: Path | None = paths[0] if len(paths) == 1 else None
    for line in output.splitlines():
        if line.endswith(":") and line[:-1] in by_name:
            current = by_name[line[:-1]]
        elif current is not None and line.rstrip().endswith("=> not found"):
            # A NEEDED entry may be a path; the loader looked for its last part.
            soname = Path(line.partition("=>")[0].strip()).name
            if soname not in missing[current]:
                missing[current].append(soname)
    return {path: Binary(path, tuple(names)) for path, names in missing.items()}


# -- what a person reads -------------------------------------------------------------------------


def platforms_in_use(env: Mapping[str, str]) -> tuple[tuple[str, ...], str]:
    """The Qt platforms the kiosk would try, first to last, and the variable that says so."""
    named = env.get("QT_QPA_PLATFORM", "")
    if named.strip():
        # "wayland;xcb" is a list to try in turn; "offscreen:configfile=x" has options.
        names = tuple(p.split(":")[0].strip() for p in named.split(";") if p.strip())
        return names, "$QT_QPA_PLATFORM"
    if env.get("WAYLAND_DISPLAY"):
        return ("wayland",), "$WAYLAND_DISPLAY"
    if env.get("DISPLAY"):
        return ("xcb",), "$DISPLAY"
    return (), ""


def group_finding(pyside: Path, group: Group, in_use: Sequence[str]) -> tuple[bool, str]:
    """Whether the group is usable, and what it lacks with the packages to install.

    A missing library is a fault for what the kiosk always loads and for a platform in use; for
    Read aloud, or for a platform not in use, it is only a note: the kiosk works without it."""
    paths, absent = files(pyside, group)
    if absent:
        return False, f"{', '.join(Path(p).name for p in absent)} missing from PySide6: reinstall"
    scanned = scan(pyside)
    lacking = [scanned[path] for path in paths if scanned[path].missing]
    if not lacking:
        what = "module" if group.name.startswith("Qt ") else "plugin"
        return True, f"all found ({len(paths)} {what}{'s' if len(paths) != 1 else ''})"
    if any(_needed(group.needed_for, b.path, in_use) for b in lacking):
        return False, lacks(lacking)
    if group.needed_for == READ_ALOUD:
        return True, f"Read aloud stays off without them: {lacks(lacking)}"
    platforms = sorted({_platform(group.needed_for, b.path) for b in lacking})
    return True, f"only for {', '.join(platforms)}, not in use here: {lacks(lacking)}"


def platform_problem(pyside: Path, name: str) -> str:
    """What keeps platform `name` ("xcb") from loading, or "" if nothing does."""
    plugins = pyside / PLUGINS / "platforms"
    plugin = plugins / f"libq{name}.so"
    if not plugin.is_file():
        have = sorted(p.stem.removeprefix("libq") for p in plugins.glob("libq*.so"))
        return f"no Qt platform plugin {name!r} (there are: {', '.join(have)})"
    binary = scan(pyside).get(plugin) or lookup(plugin)
    return lacks([binary]) if binary.missing else ""


def lacks(binaries: Sequence[Binary]) -> str:
    """ "libqxcb.so lacks libxcb-cursor.so.0; apt install libxcb-cursor0"."""
    parts = [f"{b.path.name} lacks {', '.join(b.missing)}" for b in binaries]
    sonames = sorted({name for b in binaries for name in b.missing})
    packages = sorted({p for name in sonames if (p := package_for(name))})
    unknown = [name for name in sonames if package_for(name) is None]
    advice = [f"apt install {' '.join(packages)}"] if packages else []
    if unknown:
        advice.append(f"no Debian package known for {', '.join(unknown)}")
    return "; ".join([*parts, *advice])


def _needed(needed_for: str, path: Path, in_use: Sequence[str]) -> bool:
    if needed_for == ALWAYS:
        return True
    return needed_for != READ_ALOUD and _platform(needed_for, path) in in_use


def _platform(needed_for: str, path: Path) -> str:
    """The platform a binary serves: libqxcb.so -> xcb."""
    return path.stem.removeprefix("libq") if needed_for == OWN_PLATFORM else needed_for
