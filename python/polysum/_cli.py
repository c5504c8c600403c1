"""The `polysum` console script: hands the command line to the Rust CLI."""

import sys


def main() -> None:
    try:
        from polysum._polysum import cli_main

        code = cli_main(["polysum", *sys.argv[1:]])
    except KeyboardInterrupt:
        # Ctrl-C: the command stopped its batch and wrote the finished records;
        # the interpreter's own SIGINT handler (chained to) raises here once it
        # returns. Exit as the Rust binary does, without a traceback.
        code = 130
    sys.exit(code)
