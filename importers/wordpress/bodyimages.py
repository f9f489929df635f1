"""Images inside a post's body → references to photo-library images.

An ``<img>`` is traced back to its attachment by the ``wp-image-<id>`` class
WordPress gives it (or a gallery block's ``data-id``), else by its address,
which may name the original upload or one of its sizes (``-300x200``). It
becomes ``<figure data-image-id="…">``, the body's library-image reference;
``html.normalize`` then gives it its caption and lifts it out of paragraphs.
"""

import re

from importers.wordpress.content import plain_text
from importers.wordpress.media import (
    NO_UPLOADS_DIR,
    NOT_IN_EXPORT,
    ImageUnavailable,
    MediaLibrary,
)
from importers.wordpress.tree import Node

_WP_IMAGE_CLASS = re.compile(r"(?:^|\s)wp-image-([0-9]{1,12})(?=\s|$)")
_IDS = re.compile(r"[0-9]{1,12}")


def _listed_ids(value: str) -> list[int]:
    return [int(i) for i in _IDS.findall(value or "")]


class BodyImages:
    """The image policy of one post's conversion: ``on_image`` for each
    <img>, ``gallery`` for each [gallery] shortcode (see ``convert_body``)."""

    def __init__(self, library: MediaLibrary, *, post_id: int | None, report):
        self.library = library
        self.post_id = post_id
        self.report = report

    def on_image(self, attrs: dict) -> list[Node]:
        src = attrs.get("src", "").strip()
        attachment = self.library.find(attachment_id=self._named_id(attrs), src=src)
        try:
            if self.library.uploads_dir is None:
                raise ImageUnavailable(NO_UPLOADS_DIR)
            if attachment is None:
                raise ImageUnavailable(self._unresolved(attrs, src))
            pk = self.library.image_pk(attachment, alt=plain_text(attrs.get("alt")))
        except ImageUnavailable as error:
            self.report.body_images[f"non reprise : {error}"] += 1
            return []
        self.report.body_images["reprise"] += 1
        if pk is None:
            return []  # a dry run: the image is not created
        return [Node("figure", {"data-image-id": str(pk)})]

    def gallery(self, attributes: dict) -> list[int]:
        """The attachment ids a [gallery] shows, as WordPress's
        ``gallery_shortcode`` chooses them: the listed ``ids`` (or
        ``include``) in their order, else the images uploaded to the post
        (or to post ``id``), less ``exclude``."""
        listed = _listed_ids(attributes.get("ids") or attributes.get("include"))
        if listed:
            return listed
        parent = _listed_ids(attributes.get("id"))
        parent_id = parent[0] if parent else self.post_id
        if parent_id is None:
            return []
        excluded = set(_listed_ids(attributes.get("exclude")))
        ids = [i for i in self.library.attached_to(parent_id) if i not in excluded]
        if attributes.get("order", "").upper() == "DESC":
            ids.reverse()
        return ids

    @staticmethod
    def _named_id(attrs) -> int | None:
        if found := _WP_IMAGE_CLASS.search(attrs.get("class", "")):
            return int(found.group(1))
        data_id = attrs.get("data-id", "").strip()
        return int(data_id) if data_id.isdigit() and len(data_id) <= 12 else None

    def _unresolved(self, attrs, src) -> str:
        if self._named_id(attrs) is not None or (src and self.library.is_local(src)):
            return NOT_IN_EXPORT
        if not src:
            return "image sans adresse"
        return "image d’un autre site (non téléchargée)"
