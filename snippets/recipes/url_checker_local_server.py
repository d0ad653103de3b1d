"""Check URLs with threads and with processes, against a local HTTP server, and time both."""

import http.server
import multiprocessing
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial

LATENCY_S = 0.02  # how long the server takes to answer each request


class SlowServerHandler(http.server.BaseHTTPRequestHandler):
    """Answers /page/N: 404 when N ends in 7, 500 when N ends in 9, otherwise 200."""

    def do_GET(self) -> None:
        time.sleep(LATENCY_S)
        number = int(self.path.rsplit("/", 1)[-1])
        status = {7: 404, 9: 500}.get(number % 10, 200)
        body = f"page {number}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        pass  # no line on stderr for every request


def check_url(url: str) -> tuple[str, int | str]:
    """The status code of a URL, or the reason it could not be fetched."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return url, response.status
    except urllib.error.HTTPError as error:  # 4xx and 5xx arrive as exceptions
        error.close()
        return url, error.code
    except urllib.error.URLError as error:  # refused, timed out, unknown host...
        return url, str(error.reason)


def check_serially(urls: list[str]) -> dict:
    return dict(map(check_url, urls))


def check_with(make_executor: Callable[[], Executor], urls: list[str]) -> dict:
    with make_executor() as executor:
        return dict(executor.map(check_url, urls))


def main(n_urls: int = 20, workers: int = 8, repeats: int = 3, method: str | None = None) -> dict:
    context = multiprocessing.get_context(method)  # None: this platform's default
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowServerHandler)
    host, port = server.server_address[:2]
    thread = threading.Thread(target=server.serve_forever, name="http-server")
    thread.start()
    try:
        urls = [f"http://{host}:{port}/page/{number}" for number in range(n_urls)]
        print(f"{n_urls} URLs, a server answering in {LATENCY_S * 1000:.0f} ms each")
        print(f"start method for the processes: {context.get_start_method()}")
        check_url(urls[0])  # warm-up, not timed
        serial_s, serial = median_seconds(check_serially, urls, repeats=repeats)
        threads = partial(ThreadPoolExecutor, workers)
        processes = partial(ProcessPoolExecutor, workers, mp_context=context)
        threads_s, threaded = median_seconds(check_with, threads, urls, repeats=repeats)
        processes_s, in_processes = median_seconds(check_with, processes, urls, repeats=repeats)
    finally:
        server.shutdown()  # stops serve_forever() and waits for it to return
        server.server_close()  # closes the listening socket
        thread.join()
    for label, seconds in [
        ("serial", serial_s),
        (f"{workers} threads", threads_s),
        (f"{workers} processes", processes_s),
    ]:
        print(f"{label:<12} {seconds:6.3f} s   speedup {serial_s / seconds:4.1f}x")
    statuses = dict(sorted(Counter(serial.values()).items()))
    all_agree = serial == threaded == in_processes
    print(f"statuses {statuses}; same from all three: {all_agree}")
    print(f"server stopped: {not thread.is_alive()}")
    # The verdicts, read off this run's own times.
    threads_speedup, processes_speedup = serial_s / threads_s, threads_s / processes_s
    threads_verdict = f"{compared(threads_speedup)} serial ({threads_speedup:.2f}x)"
    print(f"verdict: {workers} threads were {threads_verdict}")
    print(
        f"verdict: {workers} processes were {compared(processes_speedup)} {workers} threads"
        f" ({processes_speedup:.2f}x)"
    )
    return {"all_runs_agree": all_agree, "statuses": statuses}


# The rest of this file times the runs and words the verdicts: plumbing, not the lesson.


def median_seconds(function, *args, repeats: int) -> tuple[float, dict]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def compared(speedup: float) -> str:
    """How one time compares with another, given their ratio (as printed, to two decimals).
    Within 20% either way is called no difference: on a machine that also runs other
    programs, their load alone can make that much."""
    speedup = round(speedup, 2)
    if speedup >= 1.2:
        return "faster than"
    if speedup <= round(1 / 1.2, 2):
        return "slower than"
    return "about as fast as"


if __name__ == "__main__":
    main(method=sys.argv[1] if len(sys.argv) > 1 else None)  # python file.py spawn
