"""Database options chosen from the environment (settings read in a fresh
interpreter, as a server would)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = "postgres://postgres@127.0.0.1:5432/newsday"


def database_options(**env):
    code = (
        "import json; from newsday import settings; "
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code],
        env=clean | {"DEBUG": "true"} | env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_postgres_prepares_repeated_queries_by_default():
    options = database_options(DATABASE_URL=POSTGRES)
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5


def test_prepared_statements_can_be_turned_off_for_a_pooler():
    options = database_options(
        DATABASE_URL=POSTGRES, DATABASE_PREPARED_STATEMENTS="false"
    )
    assert "prepare_threshold" not in options
    assert "server_side_binding" not in options


def test_sqlite_keeps_its_own_options():
    options = database_options(DATABASE_URL="sqlite:////tmp/newsday-options.sqlite3")
    assert "prepare_threshold" not in options
    assert options["transaction_mode"] == "IMMEDIATE"
