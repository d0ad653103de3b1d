"""ShareableList: a fixed-length list of int, float, bool, str, bytes and None in shared memory."""

import multiprocessing
from multiprocessing import shared_memory


def update(name: str) -> None:
    items = shared_memory.ShareableList(name=name)  # attach by name
    items[0] = "bee"  # a str may be replaced by any str that fits its slot
    items[1] += 1
    items.shm.close()


def main() -> list:
    items = shared_memory.ShareableList(["ant", 41, 0.5, True, None, b"\x01\x02"])
    try:
        print(f"before: {list(items)} ({len(items)} items, {items.shm.size} bytes)")
        child = multiprocessing.Process(target=update, args=(items.shm.name,))
        child.start()
        child.join()
        print(f"after:  {list(items)}")
        # A str slot is sized when the list is created: 'ant' got room for 8 bytes, not 3.
        for word in ("antelope", "antelopes"):
            try:
                items[0] = word
                print(f"{word!r} ({len(word)} characters) fits where 'ant' was")
            except ValueError as error:
                print(f"{word!r} ({len(word)} characters) does not fit: ValueError: {error}")
        print(f"has append(): {hasattr(items, 'append')}; index(True): {items.index(True)}")
        result = list(items)
    finally:
        items.shm.close()
        items.shm.unlink()
    return result


if __name__ == "__main__":
    main()
