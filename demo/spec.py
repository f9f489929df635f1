"""The shapes of demo content, so a typo in ``content/`` fails loudly."""

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class DemoSection:
    slug: str
    name: str
    description: str
    position: int
    # Colours of the section's hero illustrations, dark to light, and how the
    # alt text names them.
    palette: tuple[str, ...]
    palette_alt: str


@dataclass(frozen=True, kw_only=True)
class DemoAuthor:
    slug: str
    name: str
    role: str
    bio: str


@dataclass(frozen=True, kw_only=True)
class ExternalLink:
    url: str
    title: str


@dataclass(frozen=True, kw_only=True)
class DemoCorrection:
    text: str
    hours_after_publication: float


@dataclass(frozen=True, kw_only=True)
class DemoArticle:
    slug: str
    title: str
    standfirst: str
    section: str
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    status: str
    # Hours from the moment the demo is loaded: negative in the past, positive
    # for a scheduled article, None for drafts that have no date yet.
    publish_offset_hours: float | None
    caption: str
    body: str
    sources: str = ""
    is_featured: bool = False
    is_breaking: bool = False
    # An editorial update shown to readers, hours after publication.
    updated_hours_after: float | None = None
    related: tuple[str | ExternalLink, ...] = field(default=())
    correction: DemoCorrection | None = None


@dataclass(frozen=True, kw_only=True)
class DemoLiveEntry:
    # Minutes from the moment the demo is loaded: negative in the past,
    # positive for an entry scheduled later.
    minutes: int
    author: str
    body: str
    title: str = ""
    is_important: bool = False
    is_pinned: bool = False
    # An article of the demo, shown as a card under the entry.
    link: str = ""


@dataclass(frozen=True, kw_only=True)
class DemoLive:
    """A live coverage page (``live``), running since ``opened_minutes_ago``."""

    slug: str
    title: str
    standfirst: str
    section: str
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    opened_minutes_ago: int
    caption: str
    body: str
    summary: tuple[str, ...]
    entries: tuple[DemoLiveEntry, ...]
