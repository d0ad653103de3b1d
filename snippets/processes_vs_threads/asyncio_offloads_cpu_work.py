"""CPU-bound work under asyncio: inline it freezes the event loop; in a process pool it does not."""

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

TICK = 0.01  # the heartbeat asks to wake up every 10 ms


def count_primes(limit: int) -> int:
    """Pure-Python CPU work that holds the GIL throughout."""
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))


async def heartbeat(gaps: list[float], stop: asyncio.Event) -> None:
    """Records how long each wake-up really took: a long gap means the loop was blocked."""
    last = time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


async def run_job(limit: int, pool: ProcessPoolExecutor | None) -> tuple[int, float, float]:
    gaps: list[float] = []
    stop = asyncio.Event()
    beating = asyncio.create_task(heartbeat(gaps, stop))
    await asyncio.sleep(TICK * 3)  # let the heartbeat start
    started = time.perf_counter()
    if pool is None:
        result = count_primes(limit)  # runs in the event loop's own thread
    else:
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(pool, count_primes, limit)
    job_seconds = time.perf_counter() - started
    stop.set()
    await beating
    return result, job_seconds, max(gaps)


async def compare(limit: int) -> dict[str, int]:
    print(f"the heartbeat asks to wake up every {TICK:.3f} s")
    with ProcessPoolExecutor(max_workers=1) as pool:
        await asyncio.get_running_loop().run_in_executor(pool, count_primes, 10)  # warm-up
        results, stalled = {}, {}
        for name, executor in (("inline", None), ("process pool", pool)):
            results[name], job_seconds, longest_gap = await run_job(limit, executor)
            stalled[name] = longest_gap / job_seconds
            print(
                f"{name:<13} {results[name]:,} primes below {limit:,} in {job_seconds:.3f} s;"
                f" longest heartbeat gap {longest_gap:.3f} s"
            )
    # The verdicts, read off this run's own numbers.
    for name, fraction in stalled.items():
        gap = f"the longest gap was {fraction:.0%} of the job"
        print(f"verdict: {name}, {gap}: {loop_state(fraction)}")
    return results


def loop_state(fraction: float) -> str:
    """What a heartbeat gap, as a fraction of the job's time, says about the event loop."""
    if fraction >= 0.9:
        return "the loop froze while the job ran"
    if fraction <= 0.25:
        return "the loop kept running"
    return "the loop was held up for part of the job"


def main(limit: int = 80_000) -> dict[str, int]:
    return asyncio.run(compare(limit))


if __name__ == "__main__":
    main()
