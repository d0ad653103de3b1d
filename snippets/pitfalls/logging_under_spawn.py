"""Logging configured in main() is not inherited by spawned workers: their records vanish."""

import logging
import multiprocessing

log = logging.getLogger("jobs")


def square(x: int) -> int:
    log.info("squaring %d", x)  # in a spawned worker: no handler, level WARNING, dropped
    return x * x


def main() -> list[int]:
    logging.basicConfig(level=logging.INFO, format="%(processName)-18s %(message)s")
    log.info("starting the pool")
    context = multiprocessing.get_context("spawn")  # under fork the configuration is copied
    with context.Pool(2) as pool:
        squares = pool.map(square, range(4))
    log.info("squares: %s", squares)
    return squares


if __name__ == "__main__":
    main()
