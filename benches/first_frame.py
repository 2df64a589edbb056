#!/usr/bin/env python3
"""Whole-process time from starting `castlist` to its first frame on the terminal.

Starts the reader on a pseudo-terminal (120x35) with the bundled article (or the files given),
waits until the status line's key hints have been written (the end of the first frame), then
quits it with `q`. Prints the median, min and max of RUNS runs in milliseconds.

    python3 benches/first_frame.py [--runs 20] [--bin target/release/castlist] [FILE...]
"""
import argparse, fcntl, os, pty, select, statistics, struct, termios, time

p = argparse.ArgumentParser()
p.add_argument("--runs", type=int, default=20)
p.add_argument("--bin", default="target/release/castlist")
p.add_argument("files", nargs="*")
args = p.parse_args()

def once():
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(args.bin, [args.bin, *args.files])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 35, 120, 0, 0))
    seen = b""
    elapsed = None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            raise SystemExit("no frame within 5 s")
        seen += os.read(fd, 65536)
        if b"? help" in seen or b"?\x1b" in seen and b"help" in seen:
            elapsed = time.perf_counter() - start
    os.write(fd, b"q")
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    return elapsed * 1000

times = [once() for _ in range(args.runs)]
print(f"first frame: median {statistics.median(times):.1f} ms, min {min(times):.1f}, "
      f"max {max(times):.1f} ({args.runs} runs)")
