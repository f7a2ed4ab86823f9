# fixture: DS703
import logging

logger = logging.getLogger(__name__)

for path in paths:
    try:
        frames.append(read(path))
    except Exception:  # expect: DS703:5
        continue


def metric(y, p):
    try:
        return score(y, p)
    except:  # expect: DS703:5
        return None


try:
    import torch
except (ImportError, BaseException):  # expect: DS703:1
    pass

try:
    cleanup()
except Exception as error:  # expect: DS703:1
    ...

# Good: specific exceptions, logged or re-raised errors.
try:
    import torch
except ImportError:
    torch = None

try:
    cleanup()
except Exception:
    logger.exception("cleanup failed")

try:
    cleanup()
except Exception:
    raise

try:
    cleanup()
except Exception as error:
    return_value = str(error)
