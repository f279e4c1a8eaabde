"""Judged relevance for the default tantivy backend: for every language, a learner's query puts
the article written for it first, with every language's articles in one index."""

import pytest

from search.backends.tantivy import Backend
from tests.search.judged import DOCUMENTS, JUDGEMENTS

KNOWN_LIMITS = {
    ("bg", "автобиографии"): (
        "Bulgarian has no stemmer in tantivy (PITFALLS.md): the plural 'автобиографии' is not "
        "folded to the singular 'автобиография' of the article, so nothing matches"
    ),
}


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    engine = Backend(path=tmp_path_factory.mktemp("relevance"))
    engine.index(DOCUMENTS)
    return engine


def judgement(language, text, key):
    reason = KNOWN_LIMITS.get((language, text))
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(language, text, key, id=key, marks=marks)


def test_every_judged_document_is_in_its_language():
    keys = {document.key: document.language for document in DOCUMENTS}

    assert all(keys.get(key) == language for language, _text, key in JUDGEMENTS)


@pytest.mark.parametrize(("language", "text", "key"), [judgement(*j) for j in JUDGEMENTS])
def test_query_ranks_the_judged_document_first(backend, language, text, key):
    hits = backend.query(text, language=language).hits

    assert [hit.key for hit in hits[:1]] == [key]
