"""``flask --app webapp content check`` exits 0 on good content and 1, naming the file, on bad."""

from __future__ import annotations

import pytest

from webapp import create_app


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setenv("OPENMSK_ENV", "test")
    return create_app().test_cli_runner()


class TestContentCheckCommand:
    def test_passes_on_the_real_content_with_a_one_line_summary(self, runner):
        result = runner.invoke(args=["content", "check"])

        assert result.exit_code == 0, result.output
        assert result.output.startswith("Content OK: 8 services,")
        assert result.output.count("\n") == 1

    def test_fails_on_a_broken_folder_and_names_the_file(self, runner, content_folder):
        content_folder.write_service({"queue.order": "alphabetical"})

        result = runner.invoke(args=["content", "check", "--root", str(content_folder.root)])

        assert result.exit_code == 1
        assert "content/services/sample-service.yaml: queue.order:" in result.output
