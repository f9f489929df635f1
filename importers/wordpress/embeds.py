"""Embedded media (YouTube, X, Instagram…) become a plain link.

Our article bodies carry no iframe or third-party script (the allow-list
forbids them), so an embed is kept as a link readers can follow, labelled
with what it points to. This is the one place to change if the site grows an
embed block of its own.
"""

import re
from html import escape

# (pattern on the host, provider name, kind of content)
PROVIDERS = [
    (r"(?:^|\.)(?:youtube\.com|youtu\.be|youtube-nocookie\.com)$", "YouTube", "video"),
    (r"(?:^|\.)vimeo\.com$", "Vimeo", "video"),
    (r"(?:^|\.)(?:dailymotion\.com|dai\.ly)$", "Dailymotion", "video"),
    (r"(?:^|\.)tiktok\.com$", "TikTok", "video"),
    (r"(?:^|\.)ted\.com$", "TED", "video"),
    (r"(?:^|\.)wordpress\.tv$", "WordPress.tv", "video"),
    (r"(?:^|\.)(?:twitter\.com|x\.com)$", "X (Twitter)", "post"),
    (r"(?:^|\.)instagram\.com$", "Instagram", "post"),
    (r"(?:^|\.)(?:facebook\.com|fb\.watch)$", "Facebook", "post"),
    (r"(?:^|\.)threads\.net$", "Threads", "post"),
    (r"(?:^|\.)bsky\.app$", "Bluesky", "post"),
    (r"(?:^|\.)mastodon\.social$", "Mastodon", "post"),
    (r"(?:^|\.)tumblr\.com$", "Tumblr", "post"),
    (r"(?:^|\.)reddit\.com$", "Reddit", "post"),
    (r"(?:^|\.)linkedin\.com$", "LinkedIn", "post"),
    (r"(?:^|\.)soundcloud\.com$", "SoundCloud", "audio"),
    (r"(?:^|\.)spotify\.com$", "Spotify", "audio"),
    (r"(?:^|\.)mixcloud\.com$", "Mixcloud", "audio"),
    (r"(?:^|\.)deezer\.com$", "Deezer", "audio"),
    (r"(?:^|\.)flickr\.com$|(?:^|\.)flic\.kr$", "Flickr", "image"),
    (r"(?:^|\.)imgur\.com$", "Imgur", "image"),
    (r"(?:^|\.)giphy\.com$", "Giphy", "image"),
    (
        r"(?:^|\.)(?:slideshare\.net|scribd\.com|issuu\.com|speakerdeck\.com)$",
        "",
        "document",
    ),
    (r"(?:^|\.)google\.[a-z.]+$", "Google", "map"),
]
_PROVIDERS = [(re.compile(pattern), name, kind) for pattern, name, kind in PROVIDERS]
_HOST = re.compile(r"^https?://([^/:?#]+)", re.IGNORECASE)

LABELS = {
    "video": "Voir la vidéo sur {}",
    "post": "Voir la publication sur {}",
    "audio": "Écouter sur {}",
    "image": "Voir l’image sur {}",
    "map": "Voir la carte sur {}",
}
FILE_LABELS = {"audio": "Écouter l’enregistrement", "video": "Voir la vidéo"}


def provider(url: str) -> tuple[str, str] | None:
    """(name, kind) of the service ``url`` points to, or None."""
    m = _HOST.match(url.strip())
    if not m:
        return None
    host = m.group(1).lower()
    for pattern, name, kind in _PROVIDERS:
        if pattern.search(host):
            return name, kind
    return None


def label(url: str, *, kind: str = "") -> str:
    if found := provider(url):
        name, provider_kind = found
        if name and provider_kind in LABELS:
            return LABELS[provider_kind].format(name)
    return FILE_LABELS.get(kind, url)


def embed_html(url: str, *, kind: str = "", caption: str = "") -> str:
    """A paragraph linking to ``url`` (and one for the caption, if any)."""
    url = url.strip()
    if not _HOST.match(url):
        return ""
    html = f'<p><a href="{escape(url)}">{escape(label(url, kind=kind))}</a></p>'
    if caption.strip():
        html += f"<p>{caption.strip()}</p>"
    return html
