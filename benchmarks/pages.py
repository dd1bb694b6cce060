"""How fast OpenMSK serves its start page, next to a bare Flask app serving a page of that size.

Run it with ``make bench``, which is ``.venv/bin/python benchmarks/pages.py``; it needs the
compiled catalogues and stylesheet from ``make setup``. Options::

    .venv/bin/python benchmarks/pages.py --clients 8 --seconds 10
    .venv/bin/python benchmarks/pages.py --worker-class gthread   # connections kept alive

What one run does:

1. makes a temporary SQLite database and migrates it (``flask --app webapp db upgrade``);
2. starts OpenMSK under gunicorn, 2 workers, on a free loopback port (``OPENMSK_ENV=test``,
   a random 48-character ``SECRET_KEY``);
3. fetches OpenMSK's ``/`` once and starts ``benchmarks/bare_app.py`` under gunicorn, same
   workers, on another port, serving a Jinja-rendered page of the same byte size;
4. for ``/`` and ``/?lang=ur`` on each, runs a short warm-up and then the same number of
   concurrent clients for a fixed time, each client a thread with its own keep-alive
   ``http.client`` connection, reconnecting whenever the server closes it;
5. prints requests, requests per second, p50 and p95 latency, errors and the ratios
   OpenMSK ÷ bare; then stops both servers and removes the database.

It prints figures and asserts nothing about speed: it is not a test. The client runs on the
same machine as both servers and competes with them for CPU, so read the figures as a
comparison between the two apps on this machine, not as a capacity for production.
"""

from __future__ import annotations

import argparse
import http.client
import math
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT_ROOT / "benchmarks"
HOST = "127.0.0.1"
PATHS = ("/", "/?lang=ur")
LOCALES = ("pl", "ro", "bn", "ur", "ar")
WORKERS = 2
WARMUP_SECONDS = 1.0
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
REQUEST_TIMEOUT = 10.0
SIZE_TOLERANCE = 0.10


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path


@dataclass
class Result:
    target: str
    path: str
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    connections: int = 0
    client_cpu: float = 0.0
    server_cpu: float | None = None
    machine_cpu: float | None = None

    @property
    def other_cpu(self) -> float | None:
        """CPU seconds that neither this client nor the measured workers used."""
        if self.machine_cpu is None or self.server_cpu is None:
            return None
        return max(0.0, self.machine_cpu - self.server_cpu - self.client_cpu)

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile_ms(self, p: float) -> float:
        """Nearest-rank percentile of the answered requests, in milliseconds."""
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] * 1000


# --- Servers --------------------------------------------------------------------------


def free_ports(count: int) -> list[int]:
    """Ports the kernel hands out now; all held open together so they differ."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((HOST, 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def app_environ(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FLASK_DEBUG", None)
    env.update(
        OPENMSK_ENV="test",
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(36),  # 48 characters
    )
    return env


def migrate(env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "flask", "--app", "webapp", "db", "upgrade"]
    done = subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        sys.exit(f"flask db upgrade failed:\n{done.stdout}{done.stderr}")


def start_gunicorn(
    name: str, app: str, port: int, env: dict[str, str], workdir: Path, args: argparse.Namespace
) -> Server:
    log = workdir / f"{name}.log"
    command = [
        sys.executable, "-m", "gunicorn",
        "--bind", f"{HOST}:{port}",
        "--workers", str(WORKERS),
        "--worker-class", args.worker_class,
        "--pythonpath", str(BENCH_DIR),
        app,
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out
        )
    return Server(name, port, process, log)


def stop(server: Server) -> None:
    if server.process.poll() is not None:
        return
    server.process.terminate()
    try:
        server.process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=STOP_TIMEOUT)


def log_tail(server: Server, lines: int = 20) -> str:
    with suppress(OSError):
        return "\n".join(server.log.read_text(errors="replace").splitlines()[-lines:])
    return "(no log)"


def fetch(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_until_ready(server: Server, path: str = "/") -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            sys.exit(f"{server.name} exited with {server.process.returncode}:\n{log_tail(server)}")
        with suppress(OSError, http.client.HTTPException):
            if fetch(server.port, path)[0] == 200:
                return
        time.sleep(0.2)
    sys.exit(f"{server.name} did not answer within {START_TIMEOUT:.0f} s:\n{log_tail(server)}")


def clock_ticks() -> int:
    return os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def machine_cpu_seconds() -> float | None:
    """Busy CPU of the whole machine, all cores, since boot (Linux /proc/stat), or None."""
    try:
        ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return None
    idle, iowait = ticks[3], ticks[4]
    return (sum(ticks) - idle - iowait) / clock_ticks()


def worker_cpu_seconds(server: Server) -> float | None:
    """User + system CPU of the gunicorn master's children (Linux /proc), or None."""
    master = server.process.pid
    total = 0
    try:
        entries = [entry for entry in os.listdir("/proc") if entry.isdigit()]
    except OSError:
        return None
    for entry in entries:
        with suppress(OSError, ValueError, IndexError):
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == master:  # ppid
                total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / clock_ticks()


# --- Load -----------------------------------------------------------------------------


def client_loop(
    port: int,
    path: str,
    start: threading.Barrier,
    stop_at: list[float],
    result: Result,
    lock: threading.Lock,
) -> None:
    """One client: request ``path`` back to back on one keep-alive connection until the end."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    latencies: list[float] = []
    errors = connections = 0
    start.wait()
    try:
        while time.perf_counter() < stop_at[0]:
            if conn.sock is None:
                connections += 1
            began = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Connection": "keep-alive"})
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                time.sleep(0.01)  # a refused connection must not spin
                continue
            if response.status == 200:
                latencies.append(time.perf_counter() - began)
            else:
                errors += 1
            if response.will_close:
                conn.close()  # the server ended it; http.client reopens on the next request
    finally:
        conn.close()
        with lock:
            result.latencies.extend(latencies)
            result.errors += errors
            result.connections += connections


def drive(server: Server, path: str, clients: int, seconds: float) -> Result:
    result = Result(server.name, path, seconds)
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    stop_at = [math.inf]
    threads = [
        threading.Thread(
            target=client_loop, args=(server.port, path, start, stop_at, result, lock), daemon=True
        )
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    cpu_before, server_before = time.process_time(), worker_cpu_seconds(server)
    machine_before = machine_cpu_seconds()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    start.wait()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    result.client_cpu = time.process_time() - cpu_before
    server_after, machine_after = worker_cpu_seconds(server), machine_cpu_seconds()
    if server_before is not None and server_after is not None:
        result.server_cpu = server_after - server_before
    if machine_before is not None and machine_after is not None:
        result.machine_cpu = machine_after - machine_before
    return result


# --- Report ---------------------------------------------------------------------------


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def print_facts(args: argparse.Namespace, sizes: dict[str, int]) -> None:
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print("Machine")
    print(f"  nproc            {nproc}")
    print(f"  python           {platform.python_version()} ({platform.python_implementation()})")
    print(f"  platform         {platform.platform()}")
    print(f"  load average     {load} (before the run)")
    print(
        f"  versions         flask {version('flask')}, gunicorn {version('gunicorn')}, "
        f"jinja2 {version('jinja2')}"
    )
    print("Settings")
    print(f"  clients          {args.clients} concurrent, one keep-alive connection each")
    print(
        f"  duration         {args.seconds:g} s per target and path, after {WARMUP_SECONDS:g} s "
        "warm-up"
    )
    print(
        f"  servers          gunicorn, {WORKERS} workers, worker class {args.worker_class}, "
        f"on {HOST}"
    )
    print(f"  page size        app / {sizes['app']} bytes, bare / {sizes['bare']} bytes")
    print()


def print_table(results: list[Result], clients: int) -> None:
    header = (
        f"{'target':<7} {'path':<11} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'errors':>6} {'conns':>6} {'srv CPU ms/req':>14} {'client CPU':>10} {'other CPU':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        answered = max(r.requests, 1)
        server_cpu = f"{r.server_cpu * 1000 / answered:.2f}" if r.server_cpu is not None else "n/a"
        other_cpu = f"{r.other_cpu / r.seconds:.0%}" if r.other_cpu is not None else "n/a"
        print(
            f"{r.target:<7} {r.path:<11} {r.requests:>8} {r.rps:>8.1f} "
            f"{r.percentile_ms(50):>8.2f} {r.percentile_ms(95):>8.2f} {r.errors:>6} "
            f"{r.connections:>6} {server_cpu:>14} {r.client_cpu / r.seconds:>10.0%} {other_cpu:>9}"
        )
    print()
    print(f"OpenMSK ÷ bare ({clients} clients each)")
    print(f"{'path':<11} {'req/s ratio':>11} {'p95 ratio':>10}")
    by_key = {(r.target, r.path): r for r in results}
    for path in PATHS:
        app, bare = by_key[("app", path)], by_key[("bare", path)]
        rps = app.rps / bare.rps if bare.rps else math.nan
        p95_bare = bare.percentile_ms(95)
        p95 = app.percentile_ms(95) / p95_bare if p95_bare else math.nan
        print(f"{path:<11} {rps:>11.2f} {p95:>10.2f}")
    print()
    print("errors: non-200 answers plus failed requests; conns: TCP connections opened;")
    print("srv CPU: the gunicorn workers' user+system CPU per request; client CPU: this")
    print("process's CPU over the run (100% = one core), which the servers did not get;")
    print("other CPU: the rest of the machine's busy CPU over the run (other programs, the")
    print("kernel, the gunicorn masters): well above 0% means the figures are disturbed.")


# --- Main -----------------------------------------------------------------------------


def positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above 0, got {text}")
        return value

    return parse


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--clients",
        type=positive(int),
        default=8,
        help="concurrent clients against each target (default 8)",
    )
    parser.add_argument(
        "--seconds",
        type=positive(float),
        default=10.0,
        help="measured seconds per target and path (default 10)",
    )
    parser.add_argument(
        "--worker-class",
        default="sync",
        help="gunicorn worker class for both servers (default sync, as `make run`;"
        " sync closes every connection, gthread keeps them alive)",
    )
    return parser.parse_args()


def check_built() -> None:
    missing = [PROJECT_ROOT / "webapp/static/css/openmsk.css"] + [
        PROJECT_ROOT / f"translations/{code}/LC_MESSAGES/messages.mo" for code in LOCALES
    ]
    missing = [path for path in missing if not path.exists()]
    if missing:
        names = ", ".join(str(path.relative_to(PROJECT_ROOT)) for path in missing)
        sys.exit(f"missing {names}: run `make setup` first")


@contextmanager
def workspace() -> Iterator[Path]:
    workdir = Path(tempfile.mkdtemp(prefix="openmsk-bench-"))
    try:
        yield workdir
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(args: argparse.Namespace, workdir: Path, servers: list[Server]) -> None:
    database = workdir / "bench.sqlite3"
    env = app_environ(f"sqlite:///{database}")
    migrate(env)
    app_port, bare_port = free_ports(2)

    servers.append(start_gunicorn("app", "webapp:create_app()", app_port, env, workdir, args))
    wait_until_ready(servers[0])
    status, body = fetch(app_port, "/")
    if status != 200:
        sys.exit(f"OpenMSK / answered {status}")
    sizes = {"app": len(body)}

    bare_env = dict(os.environ, BARE_PAGE_BYTES=str(sizes["app"]))
    servers.append(
        start_gunicorn("bare", "bare_app:create_app()", bare_port, bare_env, workdir, args)
    )
    wait_until_ready(servers[1])
    sizes["bare"] = len(fetch(bare_port, "/")[1])
    if abs(sizes["bare"] - sizes["app"]) > SIZE_TOLERANCE * sizes["app"]:
        sys.exit(f"bare page is {sizes['bare']} bytes, OpenMSK's is {sizes['app']}")

    print_facts(args, sizes)
    results = []
    for server in servers:
        for path in PATHS:
            print(f"  {server.name} {path} ...", file=sys.stderr, flush=True)
            drive(server, path, args.clients, WARMUP_SECONDS)
            results.append(drive(server, path, args.clients, args.seconds))
    print_table(results, args.clients)


def main() -> None:
    args = parse_args()
    check_built()
    # A `kill` of this script must still stop the servers: turn SIGTERM into SystemExit.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    servers: list[Server] = []
    with workspace() as workdir:
        try:
            run(args, workdir, servers)
        finally:
            for server in servers:
                try:
                    stop(server)
                except Exception as error:  # keep stopping the others
                    print(
                        f"could not stop {server.name} (pid {server.process.pid}): {error}",
                        file=sys.stderr,
                    )


if __name__ == "__main__":
    main()
