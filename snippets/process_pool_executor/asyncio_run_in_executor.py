"""asyncio awaits CPU-bound work run in a ProcessPoolExecutor, via loop.run_in_executor()."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit: int) -> int:
    is_prime = bytearray([1]) * (limit + 1)
    is_prime[:2] = b"\0\0"
    for number in range(2, int(limit**0.5) + 1):
        if is_prime[number]:
            multiples = range(number * number, limit + 1, number)
            is_prime[number * number :: number] = bytes(len(multiples))
    return sum(is_prime)


async def heartbeat(stop: asyncio.Event) -> int:
    beats = 0
    while not stop.is_set():  # the event loop stays free while the workers compute
        beats += 1
        await asyncio.sleep(0.01)
    return beats


async def compute(limits: list[int]) -> tuple[list[int], int]:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    beating = asyncio.create_task(heartbeat(stop))
    with ProcessPoolExecutor(max_workers=2) as executor:
        jobs = [loop.run_in_executor(executor, count_primes, limit) for limit in limits]
        counts = await asyncio.gather(*jobs)  # asyncio futures wrapping the executor's
    stop.set()
    return counts, await beating


def main() -> list[int]:
    limits = [10_000, 1_000_000, 5_000_000]
    counts, beats = asyncio.run(compute(limits))
    for limit, count in zip(limits, counts, strict=True):
        print(f"primes up to {limit:>9,}: {count}")
    print(f"meanwhile the event loop ran {beats} heartbeats of 10 ms (varies between runs)")
    return counts


if __name__ == "__main__":
    main()
