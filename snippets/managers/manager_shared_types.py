"""Manager(): a dict, list, Namespace, Queue, Lock and Value that several processes share."""

import multiprocessing


def work(worker_id: int, squares, finished, settings, messages, lock, counter) -> None:
    squares[worker_id] = worker_id**settings.power  # each call goes to the manager process
    finished.append(worker_id)
    with lock:
        counter.value += 1
    messages.put(f"worker {worker_id} done")


def main(workers: int = 4) -> dict:
    with multiprocessing.Manager() as manager:  # starts the manager's server process
        helpers = [child.name for child in multiprocessing.active_children()]
        print(f"the manager runs in a process of its own: {helpers}")
        squares = manager.dict()
        finished = manager.list()
        settings = manager.Namespace()
        settings.power = 2
        messages = manager.Queue()
        lock = manager.Lock()
        counter = manager.Value("i", 0)
        for proxy in (squares, finished, settings, messages, lock, counter):
            print(f"  {type(proxy).__name__}")

        children = [
            multiprocessing.Process(
                target=work,
                args=(worker_id, squares, finished, settings, messages, lock, counter),
            )
            for worker_id in range(workers)
        ]
        for child in children:
            child.start()
        for child in children:
            child.join()

        result = {
            "squares": dict(sorted(squares.items())),  # a plain dict copied out of the manager
            "finished": sorted(finished),
            "counter": counter.value,
            "messages": sorted(messages.get() for _ in range(workers)),
        }
        print(f"isinstance(squares, dict): {isinstance(squares, dict)}")
        for key, value in result.items():
            print(f"{key}: {value}")
    return result


if __name__ == "__main__":
    main()
