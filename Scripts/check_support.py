"""What every client check in Scripts/ shares: one line per check, the failures kept, and the exit status."""
import sys

failures = []


def check(name, condition, detail=""):
    """Prints `pass`/`FAIL` with the check's name (and detail) and remembers a failure."""
    print(("pass  " if condition else "FAIL  ") + name + (f"  ({detail})" if detail else ""))
    if not condition:
        failures.append(name)


def expect_error(name, call, expected):
    """Passes when `call()` raises an `expected` exception; any other outcome is the finding."""
    try:
        call()
    except Exception as error:  # noqa: BLE001 - the class of the exception is what is checked
        check(name, isinstance(error, expected), f"{type(error).__name__}: {str(error)[:110]}")
        return
    check(name, False, "no error raised")


def finish(label=""):
    """Prints the summary and exits 0 only when every check passed."""
    summary = "all checks passed" if not failures else f"{len(failures)} failed: {', '.join(failures)}"
    print("\n" + summary + (f" ({label})" if label else ""))
    sys.exit(1 if failures else 0)
