"""« La matinale » to many confirmed subscribers through a local SMTP sink
(docs/benchmarks.md, « Newsletters »).

The send is started as the periodic job starts it (one delivery row per
subscriber), then batches are sent as the workers' jobs send them
(``deliver_batch``: claim, one SMTP connection per batch, the accepted
emails' rows marked as ``NEWSLETTERS_MARK_EVERY`` says, each at once by
default), with no rate limit. Reported: the start's
time, the sending's time and emails per second, the worker's peak memory
after 10 %, 50 % and 100 % of the emails (flat memory: the three are close),
the CPU time (user + system) per email of the workers and of the sink, which
does not depend on what else the machine runs, the load average, and a check
that the sink received each subscriber exactly once. ``PROFILE=1`` first
sends one batch in this process under cProfile and prints where its time
went and its queries.

    uv run python -m bench.newsletters
    SUBSCRIBERS=20000 WORKERS=2 DATABASE_URL=postgres://… uv run python -m bench.newsletters
    ENGINE=db uv run python -m bench.newsletters    # through `db_worker` jobs

The sink is a minimal SMTP server of this file, in its own process, that
accepts everything and counts recipients.
"""

import multiprocessing
import os
import resource
import socket
import socketserver
import time

SUBSCRIBERS = int(os.environ.get("SUBSCRIBERS", "100000"))
WORKERS = int(os.environ.get("WORKERS", "2"))
PROFILE = os.environ.get("PROFILE") == "1"
# ENGINE=db: the batch jobs run by `manage.py db_worker` processes, as
# `make run` runs them, instead of forked processes calling deliver_batch.
ENGINE = os.environ.get("ENGINE", "")


class SinkHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: greet, accept, count."""

    def handle(self):
        self.wfile.write(b"220 sink ESMTP\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 sink\r\n")
            elif verb == b"RCPT":
                address = line.split(b":", 1)[1].strip().strip(b"<>")
                self.server.queue.put(address.decode())
                self.wfile.write(b"250 OK\r\n")
            elif verb == b"DATA":
                self.wfile.write(b"354 go\r\n")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                self.wfile.write(b"250 OK queued\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # MAIL, RSET, NOOP
                self.wfile.write(b"250 OK\r\n")


def run_sink(port, queue, ready):
    class Server(socketserver.ThreadingTCPServer):
        allow_reuse_address = True
        daemon_threads = True

    with Server(("127.0.0.1", port), SinkHandler) as server:
        server.queue = queue
        ready.set()
        server.serve_forever()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds(pid=None):
    """User + system CPU time of this process, or of process ``pid``."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load():
    return "/".join(f"{figure:.1f}" for figure in os.getloadavg())


def profile_batch(send_id):
    """One batch under cProfile: the top functions and the batch's queries."""
    import cProfile
    import pstats

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from newsletters.delivery import deliver_batch

    # Process-wide caches (URL resolver, templates) warmed by a first email.
    warm = deliver_batch(send_id=send_id, batch_size=1).sent
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        cpu = cpu_seconds()
        profiler.enable()
        result = deliver_batch(send_id=send_id)
        profiler.disable()
        cpu = cpu_seconds() - cpu
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    print(
        f"profiled batch: {result.sent} emails, {len(queries)} queries, "
        f"{cpu / max(1, result.sent) * 1000:.2f} ms CPU per email under cProfile"
    )
    return warm + result.sent


def work(send_id, report=None):
    """What the worker's batch jobs do, one after the other."""
    from django.db import connection

    from newsletters.delivery import deliver_batch

    connection.close()  # a fresh connection in each forked worker
    sent, tenth, half, started, cpu = 0, None, None, time.perf_counter(), cpu_seconds()
    while True:
        result = deliver_batch(send_id=send_id)
        sent += result.sent
        if tenth is None and sent >= SUBSCRIBERS // 10 // WORKERS:
            tenth = peak_mb()
        if half is None and sent >= SUBSCRIBERS // 2 // WORKERS:
            half = peak_mb()
        if not result.more:
            break
    figures = (
        sent,
        time.perf_counter() - started,
        tenth or peak_mb(),
        half or peak_mb(),
        peak_mb(),
        cpu_seconds() - cpu,
    )
    if report is not None:
        report.put(figures)
    return figures


def main():
    port = free_port()
    queue, ready = multiprocessing.Queue(), multiprocessing.Event()
    sink = multiprocessing.Process(
        target=run_sink, args=(port, queue, ready), daemon=True
    )
    sink.start()
    ready.wait(10)

    os.environ.setdefault("N", "0")
    os.environ.setdefault(
        "DATABASE_URL", "sqlite:////var/tmp/newsday-bench-newsletters.sqlite3"
    )
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.smtp.EmailBackend"
    os.environ["EMAIL_URL"] = f"smtp://127.0.0.1:{port}"
    os.environ["NEWSLETTERS_RATE_LIMIT"] = "0"
    # The batch jobs it enqueues stay in the queue: this process runs them.
    os.environ["TASKS_BACKEND"] = "database"
    from bench.inprocess import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection as db_connection
    from django.db import transaction
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from articles.models import Article, Section
    from newsletters import sending
    from newsletters.models import (
        Delivery,
        NewsletterList,
        Send,
        Subscriber,
        Subscription,
    )

    call_command("migrate", verbosity=0)
    # Jobs an earlier run left queued (its send's first batches) are not ours.
    DBTaskResult.objects.all().delete()
    matinale = NewsletterList.objects.get(kind=NewsletterList.Kind.DIGEST)
    Send.objects.all().delete()
    Subscriber.objects.all().delete()
    now = timezone.now()
    for start in range(0, SUBSCRIBERS, 5000):
        with transaction.atomic():
            people = Subscriber.objects.bulk_create(
                Subscriber(email=f"lecteur{n}@example.fr")
                for n in range(start, min(start + 5000, SUBSCRIBERS))
            )
            Subscription.objects.bulk_create(
                Subscription(
                    subscriber=person,
                    newsletter=matinale,
                    consent_text="J’accepte.",
                    confirmed_at=now,
                )
                for person in people
            )
    section, _ = Section.objects.get_or_create(
        slug="bench-lettres", defaults={"name": "Société"}
    )
    for n in range(8 - Article.objects.published().count()):
        Article.objects.create(
            title=f"Article de la matinale numéro {n}",
            slug=f"bench-matinale-{n}",
            standfirst="Un chapô de démonstration : 42 % des lecteurs.",
            section=section,
            status=Article.Status.PUBLISHED,
            publish_at=now,
        )

    send = sending.matinale_prepare()
    started = time.perf_counter()
    send.scheduled_for = now
    send.save()
    sending.send_start(send=send)
    start_seconds = time.perf_counter() - started
    print(f"start: {Delivery.objects.count():,} delivery rows in {start_seconds:.1f} s")
    profiled = profile_batch(send.pk) if PROFILE else 0

    print(f"load average before sending: {load()}")
    sink_cpu = cpu_seconds(sink.pid)
    # Closed before the workers start: a forked child closing a connection
    # it inherited would end the parent's PostgreSQL session with it.
    db_connection.close()
    if ENGINE == "db":
        seconds, worker_cpu, memory = run_db_workers(send)
        sent = Send.objects.get(pk=send.pk).sent_count - profiled
        kind = "RSS sampled"
    else:
        seconds, worker_cpu, memory, sent = run_forked_workers(send.pk)
        kind = "peak memory"
    print(f"load average after sending: {load()}")

    received = []
    while len(received) < SUBSCRIBERS:
        received.append(queue.get(timeout=30))
    sink_cpu = cpu_seconds(sink.pid) - sink_cpu
    sink.terminate()
    send.refresh_from_db()
    print(f"sent: {sent:,} emails in {seconds:.1f} s: {sent / seconds:.0f} emails/s")
    for n, (tenth, half, end) in enumerate(memory, 1):
        print(
            f"worker {n}: {kind} {tenth:.0f} MB after 10 %, {half:.0f} MB after "
            f"50 %, {end:.0f} MB at the end"
        )
    worker_ms = worker_cpu / sent * 1000
    sink_ms = sink_cpu / sent * 1000
    print(
        f"CPU per email: {worker_ms:.2f} ms in the workers, {sink_ms:.2f} ms in "
        f"the sink; 200 emails/s on 2 idle cores allow 10 ms for both, "
        f"these give {2000 / (worker_ms + sink_ms):.0f} emails/s"
    )
    print(
        f"sink: {len(received):,} recipients, {len(set(received)):,} distinct; "
        f"send {send.get_state_display()}, {send.sent_count:,} sent, "
        f"{send.failed_count} failed"
    )


def run_forked_workers(send_id):
    """WORKERS forked processes each sending batches one after the other:
    (seconds, CPU seconds, [peak MB after 10 %, 50 %, 100 %], emails sent)."""
    started = time.perf_counter()
    if WORKERS == 1:
        results = [work(send_id)]
    else:
        report = multiprocessing.Queue()
        workers = [
            multiprocessing.Process(target=work, args=(send_id, report))
            for _ in range(WORKERS)
        ]
        for worker in workers:
            worker.start()
        results = [report.get() for _ in workers]
        for worker in workers:
            worker.join()
    return (
        time.perf_counter() - started,
        sum(result[5] for result in results),
        [result[2:5] for result in results],
        sum(result[0] for result in results),
    )


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return None


def run_db_workers(send):
    """The send's batch jobs as ``make run`` runs them: WORKERS ``db_worker``
    processes (the task engine's database worker) take the jobs, each batch
    enqueueing the next, until none is left. Their memory is sampled twice a
    second: (seconds, CPU seconds, [RSS MB after 10 %, 50 %, 100 %])."""
    import subprocess
    import sys

    from newsletters.models import Send

    command = [sys.executable, "manage.py", "db_worker", "--batch"]
    command += ["--no-startup-delay", "--interval", "0.1", "--verbosity", "0"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    workers = [subprocess.Popen(command) for _ in range(WORKERS)]  # noqa: S603 (fixed)
    memory = {worker.pid: [None, None, None] for worker in workers}
    while any(worker.poll() is None for worker in workers):
        sent = Send.objects.values_list("sent_count", flat=True).get(pk=send.pk)
        for worker in workers:
            if (now := rss_mb(worker.pid)) is None:
                continue
            samples = memory[worker.pid]
            for index, share in ((0, 10), (1, 2)):
                if samples[index] is None and sent >= SUBSCRIBERS // share:
                    samples[index] = now
            samples[2] = now
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return seconds, cpu, [[m or 0 for m in samples] for samples in memory.values()]


if __name__ == "__main__":
    main()
