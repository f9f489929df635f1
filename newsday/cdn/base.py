class PurgeBackend:
    """Remove or refresh the given absolute URLs in a shared cache."""

    def purge(self, urls):
        raise NotImplementedError


class NoopBackend(PurgeBackend):
    """No CDN in front of the site (or one that only honours ``s-maxage``)."""

    def purge(self, urls):
        return None
