"""Settings precedence, saving choices, theme files and the sample library."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import THEMES_DIR, load_config, read_settings, save_setting
from tui.samples import sample_articles, seed_library, split_title
from tui.store import Store
from tui.themes import APP_VARIABLES, load_themes


def test_library_flag_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path / "env"))
    assert load_config().library == tmp_path / "env"
    assert load_config(tmp_path / "flag").library == tmp_path / "flag"


def test_settings_file_then_env_then_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "settings.toml").write_text('bidi = "terminal"\ntheme = "marsad-light"\n')
    assert load_config(tmp_path).bidi == "terminal"
    monkeypatch.setenv("MARSAD_BIDI", "off")
    assert load_config(tmp_path).bidi == "off"
    assert load_config(tmp_path, bidi="app").bidi == "app"
    assert load_config(tmp_path).theme == "marsad-light"


def test_broken_settings_file_falls_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("bidi = [unclosed")
    assert load_config(tmp_path).bidi == "app"
    assert load_config(tmp_path).warnings


def test_save_setting_keeps_other_keys(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('theme = "marsad-light"\n[keymap]\nsearch = "ctrl+f"\n')
    config = load_config(tmp_path)
    save_setting(config, "bidi", "terminal")
    save_setting(config, "saved_views", {"إيران": {"tag": "iran", "unread": True}})
    data = read_settings(tmp_path / "settings.toml")
    assert data["theme"] == "marsad-light" and data["bidi"] == "terminal"
    assert data["keymap"] == {"search": "ctrl+f"}
    assert data["saved_views"]["إيران"] == {"tag": "iran", "unread": True}


def test_every_theme_file_loads_with_app_colours() -> None:
    themes, failed = load_themes(THEMES_DIR)
    assert failed == []
    names = {t.name for t in themes}
    assert {"marsad-dark", "marsad-light"} <= names
    for theme in themes:
        assert set(APP_VARIABLES) <= set(theme.variables), theme.name


def test_bad_theme_file_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text('name = "good"\nprimary = "#336699"\n')
    (tmp_path / "typo.toml").write_text('name = "typo"\nprimry = "#336699"\n')
    (tmp_path / "broken.toml").write_text('name = "broken\n')
    themes, failed = load_themes(tmp_path)
    assert [t.name for t in themes] == ["good"]
    assert sorted(p.name for p, _ in failed) == ["broken.toml", "typo.toml"]


def test_split_title_takes_first_non_empty_line() -> None:
    assert split_title("\ufeff\n\n  عنوان  \n\nفقرة\n\nثانية\n") == ("عنوان", "فقرة\n\nثانية")


def test_samples_cover_the_four_languages(store: Store) -> None:
    articles = sample_articles()
    assert 5 <= len(articles) <= 8
    assert {"ar", "fa", "he", "en"} <= {a.language for a in articles}
    assert any("\u200c" in a.body for a in articles if a.language == "fa")
    assert seed_library(store) == len(articles)
    assert seed_library(store) == 0  # seeding twice adds nothing
    assert all(a.published.endswith("+00:00") for a in store.articles())


def test_broken_settings_are_reported_and_kept_aside_on_save(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('theme = "marsad-light"\nbidi = [oops\n')
    config = load_config(tmp_path)
    assert config.theme == "marsad-dark" and any("settings.toml" in w for w in config.warnings)
    save_setting(config, "bidi", "off")
    [aside] = tmp_path.glob("settings.broken-*.toml")
    assert "bidi = [oops" in aside.read_text()
    assert read_settings(tmp_path / "settings.toml") == {"bidi": "off"}


def test_save_setting_keeps_the_users_comments_and_layout(tmp_path: Path) -> None:
    text = ('# Marsad settings — my notes stay here\n'
            'theme = "marsad-light"  # light in the daytime\n\n'
            '[keymap]\n# vim-ish search\nsearch = "ctrl+f"\n\n'
            '[saved_views."إيران"]\n# the morning view\ntags = ["iran"]\n')
    (tmp_path / "settings.toml").write_text(text, encoding="utf-8")
    config = load_config(tmp_path)
    save_setting(config, "bidi", "terminal")
    save_setting(config, "saved_views", {"إيران": {"tags": ["iran", "oman"]}, "Gulf": {"read": False}})
    after = (tmp_path / "settings.toml").read_text(encoding="utf-8")
    for comment in ("# Marsad settings — my notes stay here", "# light in the daytime", "# vim-ish search",
                    "# the morning view"):
        assert comment in after
    data = read_settings(tmp_path / "settings.toml")
    assert data["bidi"] == "terminal" and data["keymap"] == {"search": "ctrl+f"}
    assert data["saved_views"] == {"إيران": {"tags": ["iran", "oman"]}, "Gulf": {"read": False}}
    save_setting(config, "theme", "marsad-light")  # unchanged value: the line is left exactly as it was
    assert 'theme = "marsad-light"  # light in the daytime' in (tmp_path / "settings.toml").read_text()
