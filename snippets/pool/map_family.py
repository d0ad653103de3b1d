"""map, map_async, imap, imap_unordered, starmap and starmap_async on the same inputs."""

import multiprocessing
import operator


def square(n: int) -> int:
    return n * n


def main() -> dict:
    numbers = range(6)
    pairs = [(1, 2), (3, 4), (5, 6)]
    with multiprocessing.Pool(processes=2) as pool:
        results = {
            "map": pool.map(square, numbers),  # blocks, returns a list
            "map_async": pool.map_async(square, numbers).get(timeout=10),  # AsyncResult
            "imap": list(pool.imap(square, numbers)),  # an iterator, in input order
            "imap_unordered": list(pool.imap_unordered(square, numbers)),  # completion order
            "starmap": pool.starmap(operator.mul, pairs),  # each pair unpacked: mul(1, 2)
            "starmap_async": pool.starmap_async(operator.mul, pairs).get(timeout=10),
        }
    for method, values in results.items():
        print(f"{method:<15} {values}")
    results["imap_unordered"].sort()
    return results


if __name__ == "__main__":
    main()
