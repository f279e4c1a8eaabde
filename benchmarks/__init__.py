"""Load and scale harness: run as commands, never imported by the apps."""
