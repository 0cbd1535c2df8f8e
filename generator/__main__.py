"""`python -m generator` runs the command-line interface."""

from generator.cli import main

if __name__ == "__main__":  # not when a worker process started by spawn imports this module
    raise SystemExit(main())
