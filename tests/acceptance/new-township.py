#!/usr/bin/python3
"""Acceptance test: a new township's first day in the window, through the
accessibility tree, as a screen reader would see it.

    new-township.py SOURCE_DIR BUILD_DIR

Starts the real program (BUILD_DIR/src/app/firegrid) on an empty data
directory, in its own Xvfb display and session bus (so with its own
accessibility bus), in Chinese, and walks as a new township would: set-up
from the division list (神垕 found by name) with its administrator, who is
then logged in → a village and a grid → three venues → an inspection with a
failed item, its note and a photo (chosen in the file chooser) → the hazard
in the ledger → a rectification notice issued from it and saved as a PDF,
which must name the venue (pdftotext) → its service recorded on the
Documents page, and the list showing it served.  Nothing is done with
firegrid-cli.  It also fails when a button, menu button, search field,
toggle or drop-down of the main window is announced by its widget type or by
nothing.

Where GTK 4.8 gives an object no accessible action, the pointer or the keys
stand in (see walk_township.py): a search result and a row of a list are
clicked; a row's menu opens with Shift+F10; a drop-down is clicked open and
its first row taken with Home, Return; the file chooser gets Ctrl+L and the
photo's path typed; the save dialog gets Ctrl+L, Ctrl+A and the PDF's path.

Exits 77 (skipped) when what it needs is not installed.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77


def skip(why):
    print(f"1..0 # SKIP {why}", flush=True)
    sys.exit(SKIP)


def outer(source_dir, build_dir):
    """Starts a display and a session bus, and runs the walk inside them."""
    for tool in ("Xvfb", "dbus-run-session", "xdotool", "openbox", "pdftotext"):
        if shutil.which(tool) is None:
            skip(f"{tool} is not installed")
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        skip("at-spi2-core is not installed")
    if subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"],
                      capture_output=True).returncode != 0:
        skip("python3-pyatspi is not installed")
    locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    if "zh_cn.utf8" not in locales and "zh_cn.utf-8" not in locales:
        skip("the zh_CN.UTF-8 locale is not generated")

    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                             "1366x768x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = pipe.readline().strip()
    if not display:
        xvfb.kill()
        skip("Xvfb did not start")
    # the server has said its number; wait until it takes connections
    for _ in range(100):
        try:
            with socket.socket(socket.AF_UNIX) as probe:
                probe.connect(f"/tmp/.X11-unix/X{display}")
            break
        except OSError:
            time.sleep(0.1)
    env = dict(os.environ)
    env["DISPLAY"] = ":" + display
    env["FG_ACCEPT_INNER"] = "1"
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    # a cookie of the display the tests run in is not this one's
    env.pop("XAUTHORITY", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    try:
        status = subprocess.run(["dbus-run-session", "--", "/usr/bin/python3",
                                 os.path.abspath(__file__), source_dir, build_dir],
                                env=env).returncode
    finally:
        xvfb.terminate()
        xvfb.wait()
    sys.exit(status)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    if os.environ.get("FG_ACCEPT_INNER") != "1":
        outer(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
    sys.dont_write_bytecode = True  # nothing written into the source tree
    sys.path.insert(0, HERE)
    import walk_township
    sys.exit(walk_township.main(sys.argv[1], sys.argv[2]))
