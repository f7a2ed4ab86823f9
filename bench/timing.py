"""Wall-clock timing shared by the bench scripts: medians, since these
machines are shared and noisy."""
import statistics
import subprocess
import time


def median_wall(command, runs, cwd=None):
    """Median wall seconds of `runs` runs (output discarded) and the worst exit status."""
    seconds, worst = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        status = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL).returncode
        seconds.append(time.perf_counter() - start)
        worst = max(worst, status)
    return statistics.median(seconds), worst
