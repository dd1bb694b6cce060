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

    def test_summary_counts_the_advice_pages(self, runner):
        result = runner.invoke(args=["content", "check"])

        assert "20 advice pages in every language" in result.output

    def test_fails_on_an_advice_page_without_sources(self, runner, tmp_path):
        import shutil
        from pathlib import Path

        real = Path(__file__).resolve().parents[3] / "content"
        root = tmp_path / "content"
        shutil.copytree(real, root)
        page = root / "advice" / "knee-pain" / "pl.md"
        text = page.read_text(encoding="utf-8")
        start = text.index("sources:")
        end = text.index("\nexercises:")
        page.write_text(text[:start] + "sources: []" + text[end:], encoding="utf-8")

        result = runner.invoke(args=["content", "check", "--root", str(root)])

        assert result.exit_code == 1
        assert "content/advice/knee-pain/pl.md: sources:" in result.output

    def test_fails_on_a_message_missing_a_language(self, runner, tmp_path):
        import shutil
        from pathlib import Path

        import yaml

        real = Path(__file__).resolve().parents[3] / "content"
        root = tmp_path / "content"
        shutil.copytree(real, root)
        path = root / "messages" / "referral_received.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        del data["body"]["bn"]
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

        result = runner.invoke(args=["content", "check", "--root", str(root)])

        assert result.exit_code == 1
        assert "referral_received.yaml" in result.output and "bn" in result.output
