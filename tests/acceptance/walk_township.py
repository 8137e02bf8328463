"""The walk of new-township.py, inside its display and session bus."""

import os
import shutil
import subprocess
import tempfile
import time

from a11y import (StepFailed, log, application, window, wait_find, wait_for, wait_gone,
                  find_all, do_action, click_at, keys, set_text, name, role, visible,
                  unnamed_controls, actions, activate_window, walk, _children)

ADMIN_LOGIN = "zhangwei"
ADMIN_PASSWORD = "shenhou-2026"
ADMIN_NAME = "张伟"
VILLAGE = "神垕村"
GRID = "第一网格"
VENUES = ["老街钧瓷坊", "神垕镇中心小学", "星光超市"]
FAILED_VENUE = VENUES[0]


class Walk:
    def __init__(self, source_dir, build_dir):
        self.source_dir = source_dir
        self.build_dir = build_dir
        self.home = tempfile.mkdtemp(prefix="firegrid-acceptance-")
        self.app = None
        self.proc = None
        self.wm = None

    # ------------------------------------------------------------ start, stop

    def start(self):
        # a window manager gives the focus to the window shown, as on a desktop
        self.wm = subprocess.Popen(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env.update({
            "GTK_A11Y": "atspi",
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "LANG": "zh_CN.UTF-8",
            "LC_ALL": "zh_CN.UTF-8",
            "LANGUAGE": "zh_CN",
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "HOME": self.home,
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(self.build_dir, "data"),
            "FIREGRID_LOCALEDIR": os.path.join(self.build_dir, "po"),
        })
        program = os.environ.get("FG_ACCEPT_PROGRAM",
                                 os.path.join(self.build_dir, "src", "app", "firegrid"))
        self.log_path = os.path.join(self.home, "firegrid.log")
        self.proc = subprocess.Popen([program], env=env, stdout=open(self.log_path, "w"),
                                     stderr=subprocess.STDOUT)
        self.app = application("firegrid", timeout=60)

    def stop(self):
        for proc in (self.proc, self.wm):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(self.home, ignore_errors=True)

    # ------------------------------------------------------------ steps

    def set_up(self):
        """The set-up assistant: the township found in the division list."""
        setup = window(self.app, "欢迎使用消防网格通", timeout=60)
        search = wait_find(setup, role_name="text", name_is="按名称或代码查找")
        set_text(search, "神垕")
        # a result row has no accessible action in GTK 4.8: a pointer click
        result = wait_find(setup, role_name="list item", name_is="神垕镇")
        click_at(result)
        wait_for("the township picked", lambda: any(
            "神垕镇" in name(a) for a in find_all(setup, role_name="combo box")
            if name(a).startswith("乡镇")) or find_all(setup, role_name="label", name_is="神垕镇"))
        for title, value in (("您的真实姓名", ADMIN_NAME), ("登录名", ADMIN_LOGIN),
                             ("密码", ADMIN_PASSWORD), ("确认密码", ADMIN_PASSWORD)):
            set_text(wait_find(setup, role_name="text", name_is=title), value)
        button = wait_find(setup, role_name="push button", name_has="设置乡镇")
        do_action(button)

    def main_window(self):
        return window(self.app, "神垕镇", role_name="frame", timeout=60)

    def check_names(self, win):
        bad = unnamed_controls(win)
        for line in bad:
            log("no name: " + line)
        if bad:
            raise StepFailed(f"{len(bad)} controls of the main window have no accessible name")

    def names(self):
        win = self.main_window()
        wait_find(win, role_name="page tab", name_is="场所")
        self.check_names(win)

    def add_village(self):
        win = self.main_window()
        do_action(wait_find(win, role_name="push button", name_has="添加村（社区）"))
        dlg = window(self.app, "添加村（社区）")
        set_text(wait_find(dlg, role_name="text", name_is="名称"), VILLAGE)
        set_text(wait_find(dlg, role_name="text", name_has="区划代码"), "411081103201")
        do_action(wait_find(dlg, role_name="push button", name_is="添加"))
        wait_find(win, what=f"the sidebar row {VILLAGE}", role_name=("list item", "tree item"),
                  name_has=VILLAGE)

    def add_grid(self):
        win = self.main_window()
        row = wait_find(win, role_name=("list item", "tree item"), name_has=VILLAGE)
        # a row of a list view has no accessible action in GTK 4.8: a click
        # selects it, and its menu opens with Shift+F10, as from the keyboard
        click_at(row)
        keys("shift+F10")
        item = wait_find(win, what="the menu item 添加网格", role_name=("menu item", "push button"),
                         name_has="添加网格")
        do_action(item)
        dlg = window(self.app, "添加网格")
        set_text(wait_find(dlg, role_name="text", name_is="名称"), GRID)
        do_action(wait_find(dlg, role_name="push button", name_is="添加"))
        wait_find(win, what=f"the sidebar row {GRID}", role_name=("list item", "tree item"),
                  name_has=GRID)

    def run(self):
        steps = [
            ("set up the township from the division list", self.set_up),
            ("every control of the main window has a name", self.names),
            ("add a village", self.add_village),
            ("add a grid", self.add_grid),
        ]
        number = 0
        for number, (what, step) in enumerate(steps, 1):
            log(f"step {number}: {what}")
            step()
            print(f"ok {number} - {what}", flush=True)
        return number


def dump(acc, depth=0, limit=4000):
    lines = []
    for a in walk(acc):
        lines.append(f"[{role(a)}] {name(a)!r} {actions(a)}")
        if len(lines) > limit:
            break
    return "\n".join(lines)


def main(source_dir, build_dir):
    walk = Walk(source_dir, build_dir)
    try:
        walk.start()
        walk.run()
        if os.environ.get("FG_ACCEPT_DUMP"):
            time.sleep(3)
            print("alive", walk.proc.poll())
            walk.app = application("firegrid")
            for w in _children(walk.app):
                print(f"TOPLEVEL {role(w)} {name(w)!r} visible={visible(w)}")
                print(dump(w))
        return 0
    except StepFailed as error:
        print(f"not ok - {error}", flush=True)
        if walk.app is not None:
            for w in _children(walk.app):
                log(f"toplevel: {role(w)} “{name(w)}” visible={visible(w)}")
                if os.environ.get("FG_ACCEPT_DUMP"):
                    print(dump(w))
        try:
            picture = os.path.join(walk.build_dir, "meson-logs", "acceptance-failure.png")
            subprocess.run(["import", "-window", "root", picture], check=False)
            log(f"the screen at the failure: {picture}")
        except FileNotFoundError:
            pass
        with open(walk.log_path) as f:
            print(f.read()[-3000:])
        return 1
    finally:
        walk.stop()
