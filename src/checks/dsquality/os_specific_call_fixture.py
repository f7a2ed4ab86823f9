# fixture: DS106
import ctypes
import os
import platform
import signal
import subprocess
import sys

import fcntl  # expect: DS106:8
from winreg import HKEY_CURRENT_USER  # expect: DS106:1

if sys.platform == "win32":
    import msvcrt
else:
    import termios

try:
    import resource
except ImportError:
    resource = None

IS_WINDOWS = os.name == "nt"
ON_MAC = sys.platform == "darwin"
USE_RESOURCE = ON_MAC
if USE_RESOURCE:
    import syslog


def lock(handle):
    fcntl.flock(handle, fcntl.LOCK_EX)


def daemonize():
    if os.fork() > 0:  # expect: DS106:8
        sys.exit(0)
    os.setsid()  # expect: DS106:5


def user_id():
    if platform.system() == "Windows":
        return None
    return os.getuid()


def clear_screen():
    os.system("cls")  # expect: DS106:5


def clear_screen_anywhere():
    os.system("cls" if os.name == "nt" else "clear")


def open_report(path):
    if sys.platform.startswith("win"):
        os.startfile(path)
    else:
        subprocess.run(["xdg-open", path], check=False)


def beep():
    ctypes.windll.user32.MessageBeep(0)  # expect: DS106:5


def daemonize_if_possible():
    if hasattr(os, "fork") and os.fork() > 0:
        sys.exit(0)


def timeout(seconds):
    try:
        signal.alarm(seconds)
    except AttributeError:
        pass


print(HKEY_CURRENT_USER, msvcrt if IS_WINDOWS else termios, syslog)
