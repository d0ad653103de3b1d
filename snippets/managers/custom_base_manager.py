"""A BaseManager serving a class of your own: one Scoreboard object, used by several processes."""

import multiprocessing
import threading
from multiprocessing.managers import BaseManager


class Scoreboard:
    """Lives in the manager's process; each client connection is served by its own thread."""

    def __init__(self) -> None:
        self.scores: dict[str, int] = {}
        self._lock = threading.Lock()  # so two threads of the server cannot interleave an add

    def add(self, player: str, points: int) -> None:
        with self._lock:
            self.scores[player] = self.scores.get(player, 0) + points

    def top(self, count: int) -> list[tuple[str, int]]:
        with self._lock:
            return sorted(self.scores.items(), key=lambda item: (-item[1], item[0]))[:count]


class ScoreboardManager(BaseManager):
    pass


# At module level, so that spawn and forkserver children see the registration too.
ScoreboardManager.register("Scoreboard", Scoreboard)


def play(board, player: str, rounds: int) -> None:
    for round_number in range(1, rounds + 1):
        board.add(player, round_number)  # a method call sent to the manager; None comes back


def main() -> list[tuple[str, int]]:
    with ScoreboardManager() as manager:
        board = manager.Scoreboard()  # created in the manager; we hold a proxy to it
        print(f"proxy type: {type(board).__name__}")
        players = {"ada": 3, "bob": 5, "cy": 4}
        children = [
            multiprocessing.Process(target=play, args=(board, player, rounds))
            for player, rounds in players.items()
        ]
        for child in children:
            child.start()
        for child in children:
            child.join()
        ranking = board.top(3)  # the list is pickled and sent back: a plain list here
        print(f"top 3: {ranking}")
        # A proxy forwards the public methods; attributes such as .scores stay in the manager.
        print(f"proxy has .add: {hasattr(board, 'add')}, has .scores: {hasattr(board, 'scores')}")
    return ranking


if __name__ == "__main__":
    main()
