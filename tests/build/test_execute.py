"""What a template says of itself: who keeps it, how long its cells may run."""

from __future__ import annotations

import json

import pytest

from minutebook.build.execute import template_settings, who_fixes


@pytest.mark.parametrize(
    ("own", "found"),
    [
        (
            {"owner": " Ada <ada@example.org> ", "timeout": 300},
            {"owner": "Ada <ada@example.org>", "timeout": 300},
        ),
        ({"owner": "", "timeout": 0}, {}),
        ({"owner": 7, "timeout": "300"}, {}),
        ({"timeout": True}, {}),
        ("not a mapping", {}),
    ],
)
def test_a_templates_own_settings_are_taken_only_when_they_make_sense(tmp_path, own, found):
    path = tmp_path / "t.ipynb"
    path.write_text(json.dumps({"cells": [], "metadata": {"minutebook": own}}), "utf-8")
    assert template_settings(path) == found


def test_a_template_that_is_not_json_has_no_settings(tmp_path):
    path = tmp_path / "t.ipynb"
    path.write_text("{", "utf-8")
    assert template_settings(path) == {}


def test_the_secretary_is_told_whom_to_ask():
    assert "ask Ada, who keeps notebooks/x.ipynb" in who_fixes("notebooks/x.ipynb", "Ada")
    assert "template_owner in series.yaml" in who_fixes("notebooks/x.ipynb", None)
