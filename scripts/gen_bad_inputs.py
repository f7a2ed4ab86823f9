#!/usr/bin/env python3
"""Writes the bad inputs dsaudit must survive, as files.

Two uses:
  gen_bad_inputs.py seeds DIR      small seeds for a fuzz corpus (fuzz/corpus/<target>/)
  gen_bad_inputs.py project DIR    a project tree for `dsaudit parse DIR`: the seeds as .py
                                   files plus a huge file, a symlink loop, a broken symlink,
                                   an unreadable directory and a fake notebook

Each input is deterministic, so regenerating gives identical files. For each
seed the first error CPython reports is printed, as the expectation to hold
dsaudit's first error against.
"""

import argparse
import os
import random
import sys
from pathlib import Path


def seeds():
    """name -> bytes: small inputs, each one bad in one way."""
    rng = random.Random(20240601)
    return {
        "random_binary": bytes(rng.randrange(256) for _ in range(512)),
        "invalid_utf8": b"x = '\xff\xfe caf\xe9'\n",
        "truncated_utf8": b"name = 'caf\xc3",
        "nul_byte": b"x = 1\x00\ny = 2\n",
        "latin1_declared": b"# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n",
        "unknown_encoding": b"# coding: klingon\nx = 1\n",
        "bom_then_latin1": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
        "unterminated_string": b"x = 'abc\n",
        "unterminated_triple_string": b'x = """abc\n\ndef f():\n    pass\n',
        "unterminated_fstring": b"x = f'{1 + \n",
        "unclosed_bracket_at_eof": b"x = [1, 2,\n",
        "unmatched_closer": b"x = 1)\n",
        "mismatched_closer": b"x = (1, 2]\n",
        "nested_brackets_300": b"x = " + b"(" * 300 + b"1" + b")" * 300 + b"\n",
        "nested_unary_5000": b"x = " + b"-" * 5000 + b"1\n",
        "nested_blocks_120": "".join(
            " " * i + "if x:\n" for i in range(120)).encode() + b" " * 120 + b"pass\n",
        "tab_space_mix": b"if x:\n\tif y:\n\t        pass\n        else:\n\t    pass\n",
        "inconsistent_dedent": b"if x:\n        a = 1\n    b = 2\n",
        "unexpected_indent": b"x = 1\n    y = 2\n",
        "python2_print": b"print 'hello'\n",
        "python2_except": b"try:\n    pass\nexcept Exception, e:\n    pass\n",
        "backslash_at_eof": b"x = 1 + \\",
        "only_cr_newlines": b"x = 1\ry = 2\r",
        "form_feed_indent": b"if x:\n\x0c    pass\n",
        "lone_surrogate_escape": b"x = '\\ud800'\n",
        "long_line": b"x = " + b"1 + " * 10000 + b"1\n",
    }


def cpython_first_error(data):
    try:
        compile(data, "<seed>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        position = f"{getattr(error, 'lineno', '?')}:{getattr(error, 'offset', '?')}"
        return f"{type(error).__name__} at {position}: {error.args[0] if error.args else error}"
    except (RecursionError, MemoryError) as error:
        return f"{type(error).__name__}"
    return "valid"


def write_seeds(directory, suffix=""):
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in seeds().items():
        (directory / f"bad_{name}{suffix}").write_bytes(data)
        print(f"{name}: {cpython_first_error(data)}")


def write_project(directory):
    write_seeds(directory / "bad", suffix=".py")
    (directory / "good.py").write_text("def f(x):\n    return x + 1\n")
    huge_line = "value = [1, 2, 3, 'text', {'key': (4.5, None)}]\n"
    with open(directory / "huge.py", "w") as huge:
        huge.write(huge_line * (60 * 1024 * 1024 // len(huge_line)))
    (directory / "fake.ipynb").write_bytes(b"\x89PNG\r\n\x1a\n not a notebook")
    (directory / "pkg").mkdir(exist_ok=True)
    (directory / "pkg" / "mod.py").write_text("x = 1\n")
    for link, target in (("pkg/loop", ".."), ("dangling.py", "missing.py")):
        if not os.path.lexists(directory / link):
            os.symlink(target, directory / link)
    locked = directory / "locked"
    locked.mkdir(exist_ok=True)
    (locked / "secret.py").write_text("x = 1\n")
    locked.chmod(0)
    print(f"wrote {directory} (root reads 'locked' anyway; run as a normal user to see it)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["seeds", "project"])
    parser.add_argument("directory", type=Path)
    args = parser.parse_args()
    if args.mode == "seeds":
        write_seeds(args.directory)
    else:
        write_project(args.directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
