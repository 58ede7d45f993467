"""``python -m peacetalks`` is the ``peacetalks`` command."""

from peacetalks.cli import main

main()
