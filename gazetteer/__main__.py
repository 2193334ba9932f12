"""``python -m gazetteer``: the command-line interface."""

from gazetteer.cli import main

raise SystemExit(main())
