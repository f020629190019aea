"""The command line: thin commands that parse options, call one core function, and print."""
