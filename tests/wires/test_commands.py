import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from wires.models import WireItem

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("ingest_wires", *args, stdout=out)
    return out.getvalue()


def test_one_line_per_item(tmp_path, sample):
    path = tmp_path / "v1.xml"
    path.write_bytes(sample("g2-v1.xml"))
    first, again = run(str(path)), run(str(path))
    assert "créée : AFP urn:newsml:afp.com:20261206:incendie v1" in first
    assert "inchangée" in again
    assert WireItem.objects.count() == 1


def test_json_lines_for_scripts(tmp_path, sample):
    for name in ("g2-v1.xml", "truncated.xml"):
        (tmp_path / name).write_bytes(sample(name))
    lines = [json.loads(line) for line in run(str(tmp_path), "--json").splitlines()]
    assert [(line["status"], line["version"]) for line in lines] == [
        ("created", 1),
        ("refused", None),
    ]
    assert lines[0]["agency"] == "AFP"
    assert lines[0]["headline"] == "Incendie dans un entrepôt à Lyon"


def test_an_unknown_source_is_a_french_error(tmp_path):
    with pytest.raises(CommandError, match="ni un fichier"):
        run(str(tmp_path / "absent"))


def test_purge_says_how_many(sample):
    out = StringIO()
    call_command("purge_wires", stdout=out)
    assert out.getvalue() == "0 dépêche(s) supprimée(s).\n"
