"""`python -m generator` runs the command-line interface."""

if __name__ == "__main__":  # not when a worker process started by spawn imports this module
    from generator.cli import main  # nor its imports: a chart worker needs none of them

    raise SystemExit(main())
