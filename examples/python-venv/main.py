"""The guide's example application: prints which Python and virtual environment run it."""
import os
import sys

if __name__ == "__main__":
    print(f"Hello from Python {sys.version.split()[0]}")
    print(f"Virtual environment: {os.environ.get('VIRTUAL_ENV', sys.prefix)}")
