import pytest

from articles import signals


@pytest.fixture
def received():
    """Content signals sent during the test, as (signal name, article pk)."""
    seen = []

    def receiver(signal_name):
        def handle(sender, article, **kwargs):
            seen.append((signal_name, article.pk))

        return handle

    handlers = {
        name: receiver(name) for name in ("published", "updated", "unpublished")
    }
    for name, handler in handlers.items():
        getattr(signals, f"article_{name}").connect(handler)
    yield seen
    for name, handler in handlers.items():
        getattr(signals, f"article_{name}").disconnect(handler)
