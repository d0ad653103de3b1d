"""Print what every output on this site is labelled with, for the machine you run it on."""

import multiprocessing
import os
import platform


def main() -> dict[str, object]:
    facts = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": platform.system(),
        # The first method listed is the default; asking this way does not set it.
        "default start method": multiprocessing.get_all_start_methods()[0],
        "available start methods": multiprocessing.get_all_start_methods(),
        "cpu_count": os.cpu_count(),
    }
    for name, value in facts.items():
        print(f"{name:>24}: {value}")
    return facts


if __name__ == "__main__":
    main()
