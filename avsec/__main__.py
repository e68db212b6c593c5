import sys

from avsec.cli import main

sys.exit(main())
