"""Create a SharedMemory block, attach to it by name in a child, then close() and unlink() it."""

import multiprocessing
from multiprocessing import shared_memory


def write_greeting(name: str) -> None:
    block = shared_memory.SharedMemory(name=name)  # attach: no create, no size
    block.buf[:5] = b"hello"
    block.close()  # this process is done with it; the block itself lives on


def exists(name: str) -> bool:
    try:
        shared_memory.SharedMemory(name=name).close()
    except FileNotFoundError:
        return False
    return True


def main() -> tuple[bytes, bool, bool]:
    block = shared_memory.SharedMemory(create=True, size=16)
    try:
        print(f"created {block.name!r}, {block.size} bytes, first bytes {bytes(block.buf[:5])}")
        child = multiprocessing.Process(target=write_greeting, args=(block.name,))
        child.start()
        child.join()
        greeting = bytes(block.buf[:5])
        print(f"after the child wrote: {greeting}")
    finally:
        block.close()  # every process that opened it: close its own mapping
        after_close = exists(block.name)
        block.unlink()  # exactly one process: destroy the block
    after_unlink = exists(block.name)
    print(f"exists after close(): {after_close}; after unlink(): {after_unlink}")
    return greeting, after_close, after_unlink


if __name__ == "__main__":
    main()
