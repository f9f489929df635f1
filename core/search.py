"""Search helpers shared by the apps that search with PostgreSQL."""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Expression


class StoredVector(Expression):
    """A tsvector column that PostgreSQL generates and stores in a row
    (the articles' migration ``search_document``, the wires' ``0001``).

    The columns are not model fields, so that no page loads them; queries
    name them through this expression.
    """

    output_field = SearchVectorField()

    def __init__(self, column):
        super().__init__()
        self.column = column

    def as_sql(self, compiler, connection):
        table = compiler.quote_name(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(self.column)}", []
