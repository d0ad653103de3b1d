"""register(exposed=...): a proxy offers only the methods listed, and the manager enforces it."""

import ast
import threading
from multiprocessing.managers import BaseManager, RemoteError, public_methods


class Counter:
    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()  # the manager serves each connection in a thread of its own

    def increment(self) -> int:
        with self._lock:
            self.count += 1
            return self.count

    def value(self) -> int:
        return self.count

    def reset(self) -> None:
        with self._lock:
            self.count = 0


class CounterManager(BaseManager):
    pass


# Without exposed=, a proxy offers the object's public methods: public_methods(obj).
CounterManager.register("OpenCounter", Counter)
# With it, only these: whoever holds the proxy can count, but not reset.
CounterManager.register("Counter", Counter, exposed=("increment", "value"))


def offered(proxy) -> list[str]:
    return [name for name in ("count", "increment", "reset", "value") if hasattr(proxy, name)]


def main() -> dict:
    print(f"public_methods(Counter()): {public_methods(Counter())}")
    with CounterManager() as manager:
        open_counter = manager.OpenCounter()
        counter = manager.Counter()
        print(f"without exposed=: {type(open_counter).__name__} offers {offered(open_counter)}")
        try:
            print(f"open_counter.count = {open_counter.count}")  # an attribute: not offered
        except AttributeError as error:
            print(f"open_counter.count -> AttributeError: {error}")
        print(f"exposed=('increment', 'value'): {type(counter).__name__} offers {offered(counter)}")
        for _ in range(3):
            counter.increment()
        print(f"increment() three times, then value(): {counter.value()}")
        try:
            counter.reset()
        except AttributeError as error:
            print(f"counter.reset() -> AttributeError: {error}")
        try:
            counter._callmethod("reset")  # the request any proxy could send, asking for reset
        except RemoteError as error:
            print("counter._callmethod('reset') -> RemoteError, with the manager's traceback:")
            refusal, lookup = [
                line
                for line in str(error).splitlines()
                if line.startswith(("AttributeError: ", "KeyError: "))
            ]
            # exposed is a set in the manager, printed in any order: sorted here.
            message, _, names = refusal.partition("exposed=")
            names = "{" + ", ".join(repr(name) for name in sorted(ast.literal_eval(names))) + "}"
            print(f"  {message}exposed={names}")
            print(f"  {lookup}")
        print(f"value() is still {counter.value()}")
        return {
            "public_methods": public_methods(Counter()),
            "without exposed=": offered(open_counter),
            "with exposed=": offered(counter),
            "refused": f"{message}exposed={names}",
            "value": counter.value(),
        }


if __name__ == "__main__":
    main()
