"""Image attachments, and where their files are."""

from importers.wordpress.attachments import Attachment, upload_path
from tests.importers.wordpress.conftest import Item


def test_attachment_path_falls_back_on_its_url():
    item = Item(7, "https://site.fr/wp-content/uploads/2020/01/a%20b.jpg")
    assert Attachment.from_item(item).file == "2020/01/a b.jpg"


def test_wordpress_com_uploads_are_at_the_root_of_their_address():
    url = "https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg"
    assert upload_path(url) == "2008/06/canola2.jpg"


def test_an_address_outside_the_uploads_has_no_upload_path():
    assert upload_path("https://autre.fr/photos/x.jpg") == ""
