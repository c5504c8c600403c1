"""The `polysum` console script: hands the command line to the Rust CLI."""

import sys


def main() -> None:
    from polysum._polysum import cli_main

    sys.exit(cli_main(["polysum", *sys.argv[1:]]))
