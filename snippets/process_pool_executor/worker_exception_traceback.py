"""An exception in a worker is raised again by result(), with the worker's traceback attached."""

from concurrent.futures import ProcessPoolExecutor


def parse_price(text: str) -> float:
    return float(text.removeprefix("$"))


def total(prices: list[str]) -> float:
    return sum(parse_price(price) for price in prices)


def main() -> float:
    with ProcessPoolExecutor(max_workers=1) as executor:
        future = executor.submit(total, ["$1.50", "$2.25", "two dollars"])
        return future.result()  # raises the worker's ValueError here, in the parent


if __name__ == "__main__":
    main()
