from helpers import main_result, script_output

BENCHMARK = "pipes/pipe_vs_queue_throughput.py"


def test_duplex_send_recv(start_method):
    assert main_result("pipes/duplex_send_recv.py") == {"echo": "HELLO PIPE", "length": 10}


def test_duplex_send_recv_script():
    assert script_output("pipes/duplex_send_recv.py").splitlines() == [
        "parent sent 'hello pipe', received {'echo': 'HELLO PIPE', 'length': 10}"
    ]


MESSAGE_SIZES_MIB = [1, 32, 64, 256]


def test_message_size_limit(start_method):
    sizes = [1, 32, 64]
    assert main_result("pipes/message_size_limit.py", sizes) == dict.fromkeys(
        sizes, "arrived intact"
    )


def test_message_size_limit_script():
    lines = script_output("pipes/message_size_limit.py").splitlines()
    assert lines[:-1] == [f"send() of {size:>4} MiB: arrived intact" for size in MESSAGE_SIZES_MIB]
    assert lines[-1] == (
        "conclusion: every size arrived intact, up to 256 MiB in one send()"
        " (past the documented ~32 MiB caveat)"
    )


def test_one_way_pipe(start_method):
    assert main_result("pipes/one_way_pipe.py") == (
        [0, 1, 2],
        ["receive_end.send(): OSError: connection is read-only"],
    )


def test_one_way_pipe_script():
    assert script_output("pipes/one_way_pipe.py").splitlines() == [
        "received [0, 1, 2]",
        "receive_end.send(): OSError: connection is read-only",
    ]


def test_send_bytes_recv_bytes(start_method):
    assert main_result("pipes/send_bytes_recv_bytes.py") == (
        b"raw bytes, not pickled",
        b"23456",
        list(range(8)),
    )


def test_send_bytes_recv_bytes_script():
    assert script_output("pipes/send_bytes_recv_bytes.py").splitlines() == [
        "recv_bytes(): b'raw bytes, not pickled'",
        "recv_bytes(maxlength=100): b'23456'",
        "recv_bytes_into(buffer) filled 8 bytes: [0, 1, 2, 3, 4, 5, 6, 7]",
    ]


def test_poll_with_timeout(start_method):
    assert main_result("pipes/poll_with_timeout.py") == [False, False, True]


def test_poll_with_timeout_script():
    lines = script_output("pipes/poll_with_timeout.py").splitlines()
    assert lines[0] == "poll() -> False, poll(0.1) -> False: nothing yet, and no blocking"
    waited = lines[1].removeprefix("poll(10) -> True after ").split(" s, ")[0]
    assert float(waited) < 10  # it returned when the message came, not at its timeout
    assert lines[1] == f"poll(10) -> True after {waited} s, then recv() -> 'ready', no wait"
    assert len(lines) == 2


def test_close_unused_ends(start_method):
    assert main_result("pipes/close_unused_ends.py") == [([0, 1, 2], True), ([0, 1, 2], False)]


def test_close_unused_ends_script():
    assert script_output("pipes/close_unused_ends.py").splitlines() == [
        "parent closed its send end: received [0, 1, 2], then EOFError: True",
        "parent kept its send end:   received [0, 1, 2], then EOFError: False",
        "(without poll's timeout, that recv() would have waited forever)",
    ]


def test_request_response(start_method):
    assert main_result("pipes/request_response.py") == [
        ("ok", 4.0),
        ("ok", 2**0.5),
        ("error", "unknown operation 'cube'"),
    ]


def test_request_response_script():
    lines = script_output("pipes/request_response.py").splitlines()
    assert lines[0] == "('sqrt', 16) -> ('ok', 4.0)"
    assert lines[2] == "('cube', 3) -> ('error', \"unknown operation 'cube'\")"


def test_wait_on_many_connections(start_method):
    assert main_result("pipes/wait_on_many_connections.py") == [(0, 0.6), (1, 0.2), (2, 0.4)]


def test_wait_on_many_connections_script():
    lines = script_output("pipes/wait_on_many_connections.py").splitlines()
    assert sorted(lines[:3]) == [
        f"worker {w} answered after sleeping {s} s" for w, s in [(0, 0.6), (1, 0.2), (2, 0.4)]
    ]
    assert lines[3] == "all 3 workers answered and closed their ends"


def test_two_writers_one_end(start_method):
    garbled, intact_with_lock = main_result("pipes/two_writers_one_end.py")
    assert garbled is True
    assert intact_with_lock == 40


def test_two_writers_one_end_script():
    lines = script_output("pipes/two_writers_one_end.py").splitlines()
    intact = int(lines[0].removeprefix("no lock:").split()[0])
    assert intact < 40
    assert lines[1].strip().startswith("(attempt ")
    assert lines[2] == "with lock: 40 of 40 messages intact, then EOF after the last message"


def test_pipe_vs_queue_throughput(start_method, capsys):
    messages = {100: 200, 10_000: 50, 1_000_000: 3}
    rows = main_result(BENCHMARK, messages=messages, repeats=1)
    assert [(row["size"], row["messages"]) for row in rows] == list(messages.items())
    for row in rows:
        expected_bytes = [row["size"] * row["messages"]]
        assert row["pipe_bytes"] == expected_bytes
        assert row["queue_bytes"] == expected_bytes
        assert row["pipe_messages_per_s"] > 0 and row["queue_messages_per_s"] > 0
        assert row["ratio"] == row["pipe_messages_per_s"] / row["queue_messages_per_s"]
    # Each verdict is read off the ratio as printed: from 1.05 the Pipe, up to 0.95 the Queue.
    verdicts = [
        "Pipe faster"
        if round(row["ratio"], 2) >= 1.05
        else "Queue faster"
        if round(row["ratio"], 2) <= 0.95
        else "about as fast"
        for row in rows
    ]
    printed = capsys.readouterr().out.splitlines()
    everywhere = verdicts == ["Pipe faster"] * 3
    assert f"Pipe faster than Queue at every size measured: {everywhere}" in printed
    labels = {100: "100 B", 10_000: "10 KB", 1_000_000: "1 MB"}
    for row, verdict in zip(rows, verdicts, strict=True):
        ratio = f"pipe/queue throughput ratio at {labels[row['size']]}: {row['ratio']:.2f}x"
        assert f"{ratio}, {verdict}" in printed


def test_pipe_vs_queue_throughput_script():
    lines = script_output(BENCHMARK).splitlines()
    assert lines[0].split() == ["size", "channel", "messages/s", "MB/s"]
    assert [" ".join(line.split()[:3]) for line in lines[1:7]] == [
        f"{size} {channel}" for size in ("100 B", "10 KB", "1 MB") for channel in ("pipe", "queue")
    ]
    ratios = [line for line in lines if line.startswith("pipe/queue throughput ratio at ")]
    assert [line.split(" at ")[1].split(":")[0] for line in ratios] == ["100 B", "10 KB", "1 MB"]
    # Each verdict agrees with the messages per second printed for that size.
    rates = {
        (row[0] + " " + row[1], row[2]): int(row[3].replace(",", ""))
        for row in map(str.split, lines[1:7])
    }
    for line in ratios:
        size = line.split(" at ")[1].split(":")[0]
        ratio = float(line.split(": ")[1].split("x")[0])
        assert abs(ratio - rates[size, "pipe"] / rates[size, "queue"]) <= 0.01 * ratio + 0.005
        verdict = "Pipe faster" if ratio >= 1.05 else "Queue faster" if ratio <= 0.95 else None
        assert line.endswith(f"x, {verdict or 'about as fast'}")
    everywhere = all(line.endswith("x, Pipe faster") for line in ratios)
    assert lines[-2] == f"Pipe faster than Queue at every size measured: {everywhere}"
