"""What an import looks up once per run (sections, authors)."""


class RunCache:
    """Objects found or created by earlier items, by key. What an item
    creates is only kept once its transaction has committed: a rollback
    undoes it, and the next item must not reuse it."""

    def __init__(self):
        self._kept: dict[tuple, object] = {}
        self._staged: dict[tuple, object] = {}

    def get(self, key: tuple):
        return self._kept.get(key)

    def keep(self, key: tuple, value):
        """Remember an object that was already in the database."""
        self._kept[key] = value
        return value

    def stage(self, key: tuple, value):
        """Remember an object the current item created."""
        self._staged[key] = value
        return value

    def start_item(self) -> None:
        self._staged = {}

    def commit_item(self) -> None:
        self._kept.update(self._staged)
