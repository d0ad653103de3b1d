"""An exception that pickles but cannot be unpickled, raised in a worker; then the fix."""

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


class QuotaError(Exception):
    """The trap: Exception keeps one argument, the message, but __init__ needs two."""

    def __init__(self, user: str, limit: int) -> None:
        super().__init__(f"{user} over {limit}")
        self.user = user
        self.limit = limit


class FixedQuotaError(Exception):
    """Every argument goes to Exception.__init__, so unpickling can call the class again."""

    def __init__(self, user: str, limit: int) -> None:
        super().__init__(user, limit)
        self.user = user
        self.limit = limit

    def __str__(self) -> str:
        return f"{self.user} over {self.limit}"


def charge(user: str) -> None:
    raise QuotaError(user, 5)


def charge_fixed(user: str) -> None:
    raise FixedQuotaError(user, 5)


def described(error: Exception) -> str:
    return f"{type(error).__name__}: {error} (user={error.user!r}, limit={error.limit!r})"


def trap_in_pool() -> list[str]:
    seen = []
    workers_before = set(multiprocessing.active_children())
    pool = multiprocessing.Pool(1)  # no with block: its exit would raise, as terminate() does
    pool.apply(len, ("up",))  # the worker is up: the wait below is for the task alone
    pending = pool.apply_async(charge, ("alice",))
    try:
        pending.get(timeout=2)  # without a timeout, this would never return
    except multiprocessing.TimeoutError:
        seen.append("TimeoutError")
        print(f"  Pool: get(timeout=2) -> TimeoutError, ready() = {pending.ready()}")
    try:
        pool.terminate()
    except AssertionError as error:
        seen.append("AssertionError")
        print(f"  Pool: terminate() -> AssertionError: {error}")
        # terminate() gave up before stopping the workers: stop any still running.
        for worker in set(multiprocessing.active_children()) - workers_before:
            worker.terminate()
            worker.join()
        pool.join()
    return seen


def trap_in_executor() -> list[str]:
    with ProcessPoolExecutor(max_workers=1) as executor:
        future = executor.submit(charge, "alice")
        try:
            future.result(timeout=30)
        except BrokenProcessPool as error:
            # The cause is the manager thread's traceback, as text: its last line says why.
            cause = str(error.__cause__).removesuffix("'''").rstrip().splitlines()[-1]
            print(f"  ProcessPoolExecutor: BrokenProcessPool: {error}")
            print(f"  ProcessPoolExecutor: its __cause__ ends with {cause}")
            return ["BrokenProcessPool", cause]
    return []


def fixed_in_both() -> list[tuple[str, int]]:
    arrived = []
    with multiprocessing.Pool(1) as pool:
        try:
            pool.apply_async(charge_fixed, ("alice",)).get(timeout=30)
        except FixedQuotaError as error:
            arrived.append((error.user, error.limit))
            print(f"  Pool: {described(error)}")
    with ProcessPoolExecutor(max_workers=1) as executor:
        try:
            executor.submit(charge_fixed, "alice").result(timeout=30)
        except FixedQuotaError as error:
            arrived.append((error.user, error.limit))
            print(f"  ProcessPoolExecutor: {described(error)}")
    return arrived


def main() -> dict[str, list]:
    print("QuotaError passes only its message to Exception.__init__:")
    try:
        pickle.loads(pickle.dumps(QuotaError("alice", 5)))
    except TypeError as error:
        print(f"  pickle.dumps() works, pickle.loads() raises TypeError: {error}")
    outcome = {"Pool": trap_in_pool(), "ProcessPoolExecutor": trap_in_executor()}
    print("FixedQuotaError passes every argument:")
    outcome["fixed"] = fixed_in_both()
    return outcome


if __name__ == "__main__":
    main()
