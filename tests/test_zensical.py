"""Zensical, Material for MkDocs' successor, builds the same mkdocs.yml with the same outputs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from snippet_execution import ROOT
from test_site import assert_page_shows_its_runs, built_page, nav_pages

PROJECT = ["mkdocs.yml", "docs", "snippets", "tools"]


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Path:
    """Built by Zensical in a copy of the project, after the MkDocs build of this session.

    Both builds read the session's cache of runs, so each snippet ran once and both sites
    must show that run.
    """
    project = tmp_path_factory.mktemp("zensical")
    for name in PROJECT:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, project / name)
    build = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict"],
        cwd=project,
        env=os.environ,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return project / "site"


@pytest.mark.parametrize("page", nav_pages())
def test_zensical_shows_the_same_runs(zensical_site: Path, page: str):
    assert_page_shows_its_runs(built_page(zensical_site, page), page)
