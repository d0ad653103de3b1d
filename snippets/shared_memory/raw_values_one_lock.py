"""RawValue, RawArray and lock=False: shared memory with no lock, guarded by one lock of yours."""

import ctypes
import multiprocessing


def deposit(lock, balance, history, slot: int, amount: int) -> None:
    # Balance and history must change together: one lock around both, not one lock each.
    with lock:
        balance.value += amount
        history[slot] = amount


def main() -> tuple[int, list[int]]:
    lock = multiprocessing.Lock()
    balance = multiprocessing.RawValue(ctypes.c_long, 0)  # a ctypes type works as a type code
    history = multiprocessing.RawArray("i", 4)
    no_lock = multiprocessing.Value("i", 0, lock=False)  # the same thing as RawValue("i", 0)
    their_lock = multiprocessing.Value("d", 0.0, lock=lock)  # synchronized with a lock you pass

    print(f"RawValue:          {balance!r}, has get_lock: {hasattr(balance, 'get_lock')}")
    print(f"RawArray:          {history[:]}, has get_lock: {hasattr(history, 'get_lock')}")
    print(f"Value(lock=False): {no_lock!r}")
    print(f"Value(lock=lock):  get_lock() is lock: {their_lock.get_lock() is lock}")

    amounts = [10, 20, 30, 40]
    children = [
        multiprocessing.Process(target=deposit, args=(lock, balance, history, slot, amount))
        for slot, amount in enumerate(amounts)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join()

    print(f"balance {balance.value}, history {history[:]}")
    return balance.value, history[:]


if __name__ == "__main__":
    main()
