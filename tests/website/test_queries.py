from articles.models import Article
from website.queries import READ_ALSO_FIELDS


def test_read_also_fields_follow_the_model_field_order_as_from_db_needs():
    in_model_order = [
        field.attname
        for field in Article._meta.concrete_fields
        if field.attname in READ_ALSO_FIELDS
    ]
    assert list(READ_ALSO_FIELDS[:-1]) == in_model_order
