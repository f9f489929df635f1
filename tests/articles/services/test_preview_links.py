import pytest
from django.core.exceptions import PermissionDenied

from articles.services import preview_link_create
from tests.factories import make_journalist

pytestmark = pytest.mark.django_db


def test_journalist_cannot_create_a_shared_link(draft):

    with pytest.raises(PermissionDenied):
        preview_link_create(article=draft, user=make_journalist())
