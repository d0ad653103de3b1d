"""Measured: increments per second through manager proxies versus a shared Value and Array."""

import multiprocessing
import statistics
import time


def bump_value(counter, times: int, timings) -> None:
    counter.value += 1  # warm-up: a proxy connects to the manager on first use
    started = time.perf_counter()
    for _ in range(times):
        counter.value += 1
    timings.put(time.perf_counter() - started)


def bump_item(items, times: int, timings) -> None:
    items[0] += 1
    started = time.perf_counter()
    for _ in range(times):
        items[0] += 1
    timings.put(time.perf_counter() - started)


def ops_per_second(worker, shared, times: int, repeats: int) -> float:
    """Median rate of one child process doing `times` increments, `repeats` times."""
    timings = multiprocessing.Queue()
    rates = []
    for _ in range(repeats):
        child = multiprocessing.Process(target=worker, args=(shared, times, timings))
        child.start()
        seconds = timings.get(timeout=60)
        child.join()
        rates.append(times / seconds)
    return statistics.median(rates)


def main(proxy_times: int = 1_000, shared_times: int = 100_000, repeats: int = 3) -> dict:
    with multiprocessing.Manager() as manager:
        kinds = {
            "Manager().Value proxy": (bump_value, manager.Value("i", 0), proxy_times),
            "Manager().list proxy item": (bump_item, manager.list([0]), proxy_times),
            "Value (synchronized)": (bump_value, multiprocessing.Value("i", 0), shared_times),
            "Array item (synchronized)": (bump_item, multiprocessing.Array("i", 1), shared_times),
            "RawValue (no lock)": (bump_value, multiprocessing.RawValue("i", 0), shared_times),
        }
        rates, finals = {}, {}
        for kind, (worker, shared, times) in kinds.items():
            rates[kind] = ops_per_second(worker, shared, times, repeats)
            finals[kind] = shared.value if worker is bump_value else shared[0]
            print(f"{kind:<27} {rates[kind]:>12,.0f} increments/s")
    for first, second in [
        ("Value (synchronized)", "Manager().Value proxy"),
        ("Array item (synchronized)", "Manager().list proxy item"),
        ("RawValue (no lock)", "Value (synchronized)"),  # what the Value's lock costs
    ]:
        verdict = "faster" if rates[first] > rates[second] else "not faster"
        print(f"{first} / {second}: {rates[first] / rates[second]:,.1f}x, {verdict}")
    print(f"fastest first: {', '.join(sorted(rates, key=rates.get, reverse=True))}")
    print(f"median of {repeats} runs, one process each, one warm-up increment per run")
    return finals


if __name__ == "__main__":
    main()
