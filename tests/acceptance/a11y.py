"""Driving Firegrid through the accessibility tree (AT-SPI), for the acceptance tests.

Objects are found by role and name, as a screen reader user finds them, and
waited for by polling with a deadline: the machine may be slow.  Where GTK 4.8
offers no accessible action (a list row, a drop-down's row, a popover), the
pointer or the keyboard is used instead: `click_at` and `keys` say so where
they are called.
"""

import os
import re
import subprocess
import time

import pyatspi

DEFAULT_TIMEOUT = float(os.environ.get("FG_ACCEPT_TIMEOUT", "30"))

# roles whose objects are controls a person operates
CONTROL_ROLES = {
    "push button": "button",
    "toggle button": "toggle",
    "combo box": "drop-down",
    "check box": "switch",
    "entry": "field",
    "text": "field",
    "menu button": "menu button",
}
# how GTK 4.8 names an object that has no name of its own
TYPE_NAME = re.compile(r"^(Gtk|Adw|Fg)[A-Z][A-Za-z]+$")


class StepFailed(Exception):
    pass


def log(message):
    print("#", message, flush=True)


def _children(acc):
    try:
        count = acc.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield child


def visible(acc):
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def walk(root, only_visible=True):
    """Every object under root (root included), depth first."""
    stack = [root]
    while stack:
        acc = stack.pop()
        if only_visible and not visible(acc) and acc is not root:
            continue
        yield acc
        stack.extend(reversed(list(_children(acc))))


def role(acc):
    try:
        return acc.getRoleName()
    except Exception:
        return ""


def name(acc):
    try:
        return acc.name or ""
    except Exception:
        return ""


def matches(acc, role_name=None, name_is=None, name_has=None):
    if role_name is not None and role(acc) not in (
            role_name if isinstance(role_name, (tuple, list, set)) else (role_name,)):
        return False
    if name_is is not None and name(acc) != name_is:
        return False
    if name_has is not None and name_has not in name(acc):
        return False
    return True


def find_all(root, **kw):
    return [acc for acc in walk(root) if matches(acc, **kw)]


def wait_for(what, probe, timeout=DEFAULT_TIMEOUT):
    """Polls probe() until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    delay = 0.1
    while True:
        try:
            result = probe()
        except Exception:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise StepFailed(f"waited {timeout:.0f} s for {what}")
        time.sleep(delay)
        delay = min(delay * 1.5, 1.0)


def wait_find(root, what=None, timeout=DEFAULT_TIMEOUT, **kw):
    what = what or " ".join(f"{k}={v}" for k, v in kw.items())
    return wait_for(what, lambda: next(iter(find_all(root(), **kw) if callable(root)
                                             else find_all(root, **kw)), None), timeout)


def wait_gone(root, what, timeout=DEFAULT_TIMEOUT, **kw):
    wait_for(what + " to go", lambda: not find_all(root() if callable(root) else root, **kw), timeout)


# ---------------------------------------------------------------- the program

def application(app_name, timeout=DEFAULT_TIMEOUT):
    def probe():
        desktop = pyatspi.Registry.getDesktop(0)
        for app in _children(desktop):
            if name(app) == app_name:
                return app
        return None
    return wait_for(f"the application {app_name} on the accessibility bus", probe, timeout)


def toplevels(app):
    return [w for w in _children(app) if visible(w)]


WINDOW_ROLES = ("frame", "dialog", "window", "alert")


def window(app, title=None, role_name=WINDOW_ROLES,
           timeout=DEFAULT_TIMEOUT):
    """A shown toplevel of app, by its title (its accessible name)."""
    def probe():
        for w in toplevels(app):
            if matches(w, role_name=role_name) and (title is None or name(w) == title):
                return w
        return None
    return wait_for(f"the window “{title}”", probe, timeout)


def dialog(app, title, timeout=DEFAULT_TIMEOUT):
    """A shown dialog of app, by its title: announced as a dialog, or the
    step fails (a window announced as something else is reported)."""
    try:
        return window(app, title, role_name="dialog", timeout=timeout)
    except StepFailed:
        others = [f"{role(w)} “{name(w)}”" for w in toplevels(app) if name(w) == title]
        if others:
            raise StepFailed(f"the dialog “{title}” is announced as {', '.join(others)}")
        raise


def window_gone(app, title, timeout=DEFAULT_TIMEOUT):
    wait_for(f"the window “{title}” to close",
             lambda: not any(name(w) == title for w in toplevels(app)), timeout)


# ---------------------------------------------------------------- acting

def actions(acc):
    try:
        action = acc.queryAction()
    except Exception:
        return []
    names = []
    try:
        for i in range(action.nActions):
            names.append(action.getName(i))
    except Exception:
        pass
    return names


def do_action(acc, wanted=("click", "activate", "toggle", "press")):
    """Runs the object's own accessible action (click, activate, toggle)."""
    names = actions(acc)
    for candidate in wanted:
        if candidate in names:
            acc.queryAction().doAction(names.index(candidate))
            return True
    raise StepFailed(f"{role(acc)} “{name(acc)}” offers no action of {wanted} (it has {names})")


def toplevel_of(acc):
    node = acc
    while True:
        parent = node.parent
        if parent is None or role(parent) == "application":
            return node
        node = parent


def _x_window(top):
    title = name(top)
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                          "^" + re.escape(title) + "$"],
                         capture_output=True, text=True).stdout.split()
    if not out:
        raise StepFailed(f"no X window titled “{title}”")
    return out[-1]


def click_at(acc, button=1, double=False):
    """A pointer click in the middle of the object: where GTK 4.8 gives the
    object no action (list rows, the rows of a drop-down's popover)."""
    x, y, w, h = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if w <= 0 or h <= 0:
        raise StepFailed(f"{role(acc)} “{name(acc)}” has no size on screen")
    wid = _x_window(toplevel_of(acc))
    cmd = ["xdotool", "windowactivate", "--sync", wid, "mousemove", "--window", wid,
           str(x + w // 2), str(y + h // 2), "click"]
    if double:
        cmd += ["--repeat", "2"]
    # the window manager may still be starting on a busy machine: try again
    wait_for(f"a click on {role(acc)} “{name(acc)}”",
             lambda: subprocess.run(cmd + [str(button)], stderr=subprocess.DEVNULL).returncode == 0)


def activate_window(acc):
    wid = _x_window(toplevel_of(acc))
    wait_for("the window activated", lambda: subprocess.run(
        ["xdotool", "windowactivate", "--sync", wid], stderr=subprocess.DEVNULL).returncode == 0)


def keys(*names):
    """Keys pressed on the focused window (xdotool key names)."""
    subprocess.run(["xdotool", "key", "--delay", "60", *names], check=True)


def set_text(acc, text):
    """Replaces a field's text through the accessible EditableText interface."""
    editable = acc.queryEditableText()
    if not editable.setTextContents(text):
        raise StepFailed(f"could not type into “{name(acc)}”")


def text_of(acc):
    t = acc.queryText()
    return t.getText(0, t.characterCount)


# ---------------------------------------------------------------- names

def unnamed_controls(root):
    """Controls announced only by their widget type, or by nothing at all."""
    bad = []
    for acc in walk(root):
        kind = CONTROL_ROLES.get(role(acc))
        if kind is None:
            continue
        label = name(acc)
        if label.strip() == "" or TYPE_NAME.match(label):
            bad.append(f"{kind} ({role(acc)}) announced as “{label}” in {_path(acc)}")
    return bad


def _path(acc):
    parts = []
    node = acc.parent
    while node is not None and role(node) != "application" and len(parts) < 6:
        if name(node) and not TYPE_NAME.match(name(node)):
            parts.append(name(node))
        node = node.parent
    return " ‹ ".join(parts) or "?"
