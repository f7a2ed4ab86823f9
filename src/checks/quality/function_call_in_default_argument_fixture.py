# fixture: B008
import datetime
import time
from pathlib import Path
from typing import NewType

UserId = NewType("UserId", int)


def stamp(started=time.time()):  # expect: B008:19
    return started


def nested(value=dict(key=str(int("3")))):
    return value


def outer(value=max(len("ab"), 3)):  # expect: B008:17 B008:21
    return value


def immutable(when=datetime.datetime(2024, 1, 1), root=Path("data"), user=UserId(3)):
    return when, root, user


def annotated(count: int = len("abc")):
    return count


def called_result(value=make()()):  # expect: B008:25 B008:25
    return value


handler = lambda at=time.monotonic(): at  # expect: B008:21
