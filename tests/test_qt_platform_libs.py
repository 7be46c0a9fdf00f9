"""`.ci/qt-xcb-libs` (run by `make run` and `.ci/run`) names a Debian package for every library
Qt's xcb platform plugin links, so a fresh machine is told all of them at once, not one per crash."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / ".ci" / "qt-xcb-libs"
QT = Path(PySide6.__file__).parent / "Qt"
XCB_FILES = (QT / "plugins" / "platforms" / "libqxcb.so", QT / "lib" / "libQt6XcbQpa.so.6")
# Every Debian system has these; Qt's own libraries come in the wheel.
BASE = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0", "libdl.so.2"}


def needed(path: Path) -> list[str]:
    """The DT_NEEDED sonames of a 64-bit little-endian ELF file (what `objdump -p` lists)."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, path
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads, dynamic = [], None
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, filesz, _memsz, _align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type == 1:
            loads.append((vaddr, offset, filesz))
        elif p_type == 2:
            dynamic = (offset, filesz)
    assert dynamic is not None
    entries = [struct.unpack_from("<qQ", data, dynamic[0] + i) for i in range(0, dynamic[1], 16)]
    strtab_vaddr = next(value for tag, value in entries if tag == 5)
    strtab = next(off + strtab_vaddr - vaddr for vaddr, off, size in loads if vaddr <= strtab_vaddr < vaddr + size)

    def string(at: int) -> str:
        return data[strtab + at:data.index(b"\0", strtab + at)].decode()

    return [string(value) for tag, value in entries if tag == 1]


def test_the_table_names_a_package_for_every_library_the_xcb_plugin_links(tmp_path: Path) -> None:
    sonames = sorted({s for f in XCB_FILES for s in needed(f)} - BASE)
    sonames = [s for s in sonames if not s.startswith("libQt6") and not s.startswith("libicu")]
    assert "libxcb-icccm.so.4" in sonames and "libxcb-keysyms.so.1" in sonames  # the two a fresh Debian lacked
    # A stand-in ldd that says every one of them is missing.
    fake = tmp_path / "ldd"
    fake.write_text("#!/bin/sh\n" + "".join(f"printf '\\t{s} => not found\\n'\n" for s in sonames))
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(["bash", str(SCRIPT), sys.executable], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "no Debian package known" not in run.stderr, run.stderr
    install_line = next(line for line in run.stderr.splitlines() if "sudo apt-get install" in line)
    packages = set(install_line.split("sudo apt-get install ")[1].split())
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"} <= packages


def test_nothing_missing_is_silent_success(tmp_path: Path) -> None:
    fake = tmp_path / "ldd"
    fake.write_text("#!/bin/sh\nprintf '\\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x0)\\n'\n")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(["bash", str(SCRIPT), sys.executable], env=env, capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
