"""Which parts of a brief are in English (parsers.language)."""

from __future__ import annotations

from parsers.language import foreign


def test_a_spanish_project_is_foreign():
    assert foreign("Empleos verdes en el sector forestal\n2022-en curso · Uruguay\n"
                   "Financiado por el MTSS. Seguridad y competencias para trabajadores forestales.")


def test_a_french_paragraph_is_foreign():
    assert foreign("La Suisse finance des projets de l'OIT pour la protection sociale et le dialogue social.")


def test_english_naming_a_spanish_programme_is_english():
    assert not foreign("The Programa de Apoyo a la Inserción Laboral in Uruguay and Argentina is funded by the MTSS.")


def test_a_short_heading_is_not_judged():
    assert not foreign("Proyectos")


def test_english_words_other_languages_share_do_not_make_it_foreign():
    assert not foreign("UN agencies do not fund it; see www.example.com, et al. They die out.")
