"""Progress of a long import: a bar on a terminal, plain lines otherwise."""

import time

BAR_WIDTH = 30
# Without a terminal (a log file, CI), one line per this share of the file.
LINE_STEP = 10


class Progress:
    """Call with (bytes read, file size, report) after each item. The file
    may be read twice (attachments first): ``report.phase`` names the pass."""

    def __init__(self, out, *, min_interval=0.1):
        self.out = out
        self.tty = bool(getattr(out, "isatty", lambda: False)())
        self.min_interval = min_interval
        self.last_draw = 0.0
        self.last_step = -1
        self.drawn = False
        self.phase = ""

    def __call__(self, done, total, report):
        percent = min(100, done * 100 // total) if total else 100
        if report.phase != self.phase:
            self.phase, self.last_step, self.last_draw = report.phase, -1, 0.0
        count = report.imported + sum(report.skipped.values()) + len(report.errors)
        what = f"lecture des {self.phase}" if self.phase else f"{count} éléments"
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw < self.min_interval and percent < 100:
                return
            self.last_draw = now
            filled = BAR_WIDTH * percent // 100
            bar = "█" * filled + "·" * (BAR_WIDTH - filled)
            self.out.write(f"\r{bar} {percent:3d} % — {what:<30}", ending="")
            self.out.flush()
            self.drawn = True
        elif percent // LINE_STEP > self.last_step:
            self.last_step = percent // LINE_STEP
            self.out.write(
                f"Import WordPress, lecture des {self.phase} : {percent} % lu"
                if self.phase
                else f"Import WordPress : {percent} % lu, {count} éléments traités"
            )

    def close(self):
        if self.drawn:
            self.out.write("")
