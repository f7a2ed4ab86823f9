# fixture: BLE001
import logging
import builtins

logger = logging.getLogger(__name__)

try:
    pass
except Exception:  # expect: BLE001:8
    value = None

try:
    pass
except BaseException:  # expect: BLE001:8
    value = None

try:
    pass
except (ValueError, Exception):  # expect: BLE001:21
    value = None

try:
    pass
except builtins.Exception:  # expect: BLE001:8
    value = None

try:
    pass
except ValueError:
    value = None

try:
    pass
except Exception:
    raise

try:
    pass
except Exception as error:
    raise RuntimeError("wrapped") from error

try:
    pass
except Exception as error:
    if value:
        raise error

try:
    pass
except Exception:
    logger.exception("failed")

try:
    pass
except Exception:
    logging.error("failed", exc_info=True)

try:
    pass
except Exception:  # expect: BLE001:8
    logging.error("failed", exc_info=False)

try:
    pass
except Exception:
    logger.info("failed", exc_info=True)

try:
    pass
except Exception as error:  # expect: BLE001:8
    raise RuntimeError("lost")

try:
    pass
except Exception:  # expect: BLE001:8
    def handler():
        raise
