"""The GitHub Actions workflows are valid and pass a security audit, checked offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from snippet_execution import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
TOOLS = Path(sys.executable).parent  # check-jsonschema and zizmor, from requirements.txt


def test_the_workflows_match_the_github_workflow_schema():
    check = subprocess.run(
        [TOOLS / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert len(WORKFLOWS) == 2


def test_zizmor_finds_nothing_even_when_pedantic():
    audit = subprocess.run(
        [TOOLS / "zizmor", "--offline", "--persona", "pedantic", ROOT / ".github" / "workflows"],
        capture_output=True,
        text=True,
    )
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert "No findings to report" in audit.stdout + audit.stderr
