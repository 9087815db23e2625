#!/usr/bin/env python3
"""Peak resident memory of an interactive program driven through a pseudo-terminal.

Usage: peak_memory.py KEYS -- COMMAND...

Starts COMMAND in an 80x24 pty, waits for it to draw, types KEYS (a Python string literal:
"\\x04" is Ctrl-D, "|" waits half a second), reads the process's VmHWM from /proc, then
sends Q and prints peak_kib=N.
"""
import ast, fcntl, os, pty, select, struct, sys, termios, time


def drain(fd, seconds):
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], max(0.0, end - time.time()))
        if ready:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:
                return


def main():
    if "--" not in sys.argv or sys.argv.index("--") != 2:
        sys.exit(__doc__)
    keys = ast.literal_eval('"' + sys.argv[1] + '"')
    command = sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    drain(fd, 1.5)
    for key in keys:
        if key == "|":
            drain(fd, 0.5)
        else:
            os.write(fd, key.encode())
            drain(fd, 0.05)
    drain(fd, 1.0)
    with open(f"/proc/{pid}/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    os.write(fd, b"Q")
    drain(fd, 1.0)
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    print(f"peak_kib={peak}")


main()
