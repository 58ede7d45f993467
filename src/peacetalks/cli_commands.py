"""Store-backed commands of the CLI (registered on import by ``peacetalks.cli.main``)."""
